# expect: InvalidRegionId.NotFound, InvalidParams.VpcIdGroupType, InvalidTagKey.Malformed, terraform-deprecated-attribute
provider "alicloud" {
  region = "cn-hangzou"
}

resource "alicloud_security_group" "web" {
  security_group_name = var.name
  security_group_type = "enterprise"
  tags = {
    "acs:owner" = "platform"
  }
}

resource "alicloud_security_group" "legacy" {
  name   = "legacy-web"
  vpc_id = "vpc-bp1k2m3n4p5q6r7s8t9u0"
}
