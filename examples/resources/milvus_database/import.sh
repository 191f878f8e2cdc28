# The database name. Import takes every property the database has.
terraform import milvus_database.search team_search
