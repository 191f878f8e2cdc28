import {
  to = milvus_grant.search_books
  id = "app_reader/library/Collection/books/Search"
}
