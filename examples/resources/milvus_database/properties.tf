# A database with the limits a platform team sets at onboarding (Milvus
# 2.4.6 and later; each attribute's documentation names the version it
# needs).
resource "milvus_database" "analytics" {
  name               = "team_analytics"
  max_collections    = 20
  disk_quota_mb      = 51200
  replica_number     = 2
  resource_groups    = ["rg_analytics"]
  force_deny_writing = false

  # Any other key, as Milvus stores it.
  properties = {
    "team.cost_center" = "cc-4711"
  }
}
