"""The conference loader: read → blocks → extract → records, then one import service."""
