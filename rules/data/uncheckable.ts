/**
 * Rows of the CreateSecurityGroup error table that no rule predicts with that code and HTTP status, and
 * why (most cannot be predicted statically). Together with the rules' own codes this covers the whole
 * error table (a test keeps it so).
 */
export const uncheckable: { httpStatus: number; errorCode: string; why: string }[] = [
  { httpStatus: 500, errorCode: 'InternalError', why: 'not checked before the call: a server-side failure; nothing in the request causes it' },
  { httpStatus: 500, errorCode: 'ServiceUnavailable', why: 'not checked before the call: a server-side outage; retry later' },
  {
    httpStatus: 400,
    errorCode: 'InvalidSecurityGroupDiscription.Malformed',
    why: 'not predicted for the group: a second (misspelled) code for an invalid group description; which of the two the service returns is uncertain, so description-malformed predicts InvalidDescription.Malformed and its docs name both (for the Description of a rule, AuthorizeSecurityGroup documents this code, and rule-description-malformed predicts it)',
  },
  {
    httpStatus: 403,
    errorCode: 'IncorrectVpcStatus',
    why: 'the same VPC-state error listed again with HTTP 403; vpc-not-available predicts it (with 400, the first row)',
  },
  {
    httpStatus: 403,
    errorCode: 'InvalidOperation.ResourceManagedByCloudProduct',
    why: 'not checked before the call: it concerns groups that a cloud service manages; whether a group is managed is account state no input shows',
  },
];
