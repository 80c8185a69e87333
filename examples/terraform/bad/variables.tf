# expect: InvalidSecurityGroupName.Malformed
# The name comes from var.name; its default below is what is reported.
variable "name" {
  type    = string
  default = "1web"
}
