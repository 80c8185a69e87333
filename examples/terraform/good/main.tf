# expect: no findings
provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_vpc" "default" {
  vpc_name   = "web-vpc"
  cidr_block = "172.16.0.0/16"
}

resource "alicloud_security_group" "web" {
  security_group_name = "web-frontend"
  description         = "Web tier behind the load balancer"
  vpc_id              = alicloud_vpc.default.id
  inner_access_policy = "Drop"
  tags = {
    env  = "prod"
    team = "web"
  }
}

resource "alicloud_security_group_rule" "https" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "443/443"
  priority          = 1
  security_group_id = alicloud_security_group.web.id
  cidr_ip           = "10.0.0.0/8"
}
