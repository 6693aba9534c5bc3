"""The staff groups (``load_seed``, ``core.contributions``): "update", because the roles
belong to the code: missing groups are added and every group's permissions brought up to
date on each load."""

FIXTURES = [("groups.json", "update")]
