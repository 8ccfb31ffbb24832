/**
 * Whether `address` reaches this inbox: its support address, or a plus-address of it (the reply
 * token `support+sb-…@`). Such an address is never offered or accepted as a copy: our own reply
 * would come back to us.
 */
export function isInboxAddress(address: string, fromAddress: string): boolean {
  const [local, domain] = splitAddress(address.toLowerCase());
  const [ourLocal, ourDomain] = splitAddress(fromAddress.toLowerCase());
  if (domain !== ourDomain) return false;
  const plus = local.indexOf('+');
  return (plus >= 0 ? local.slice(0, plus) : local) === ourLocal;
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf('@');
  return at < 0 ? [address, ''] : [address.slice(0, at), address.slice(at + 1)];
}
