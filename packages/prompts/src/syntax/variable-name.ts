const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True for a name an f-string template accepts: an identifier such as `topic` or `user_name`. */
export function isIdentifier(name: string): boolean {
  return identifier.test(name);
}

/** True for a mustache name: `.` or identifiers joined by dots, such as `user.name`. */
export function isDottedName(name: string): boolean {
  return name === '.' || name.split('.').every(isIdentifier);
}
