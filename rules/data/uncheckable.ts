/**
 * Error codes of the CreateSecurityGroup reference that no static check can predict, and why. Together
 * with the rules' own codes this covers the whole error table (a test keeps it so).
 */
export const uncheckable: { httpStatus: number; errorCode: string; why: string }[] = [
  { httpStatus: 500, errorCode: 'InternalError', why: 'a server-side failure; nothing in the request causes it' },
  { httpStatus: 500, errorCode: 'ServiceUnavailable', why: 'a server-side outage; retry later' },
  {
    httpStatus: 400,
    errorCode: 'InvalidSecurityGroupDiscription.Malformed',
    why: 'a second (misspelled) code for an invalid description; which of the two the service returns is uncertain, so description-malformed predicts InvalidDescription.Malformed and its docs name both',
  },
  {
    httpStatus: 403,
    errorCode: 'IncorrectVpcStatus',
    why: 'the same VPC-state error listed again with HTTP 403; vpc-not-available predicts it (with 400, the first row)',
  },
  {
    httpStatus: 403,
    errorCode: 'InvalidOperation.ResourceManagedByCloudProduct',
    why: 'concerns groups that a cloud service manages; whether a group is managed is account state no input shows',
  },
];
