# role/db_name/object_type/object_name/privilege (or the privilege group)
terraform import milvus_grant.search_books app_reader/library/Collection/books/Search
