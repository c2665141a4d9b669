// MongoDB connection strings carry credentials. Everything the MongoDB store prints about its URI goes through here,
// so a password (or a secret query option) never reaches a log or a terminal.

const MASK = '****';
/** Query options whose values are secrets (AWS session tokens ride in authMechanismProperties). */
const SECRET_OPTION = /pass|secret|token|authMechanismProperties/i;

/** The URI with the password and secret options replaced by ****; the user name and hosts stay, for diagnosis. */
export function maskMongoUri(uri: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(uri)?.[0];
  // Without a scheme we cannot tell which part is the password, so show nothing of it.
  if (!scheme) return '<not shown>';
  let rest = uri.slice(scheme.length);
  // The last "@" ends the credentials, even when an unescaped "@" or "/" sits inside the password.
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userInfo = rest.slice(0, at);
    const colon = userInfo.indexOf(':');
    rest = (colon >= 0 ? `${userInfo.slice(0, colon)}:${MASK}` : userInfo) + rest.slice(at);
  }
  return (
    scheme +
    rest.replace(/([?&])([^=&]*)=([^&]*)/g, (all, sep: string, key: string) =>
      SECRET_OPTION.test(key) ? `${sep}${key}=${MASK}` : all,
    )
  );
}

/** The database named in the URI's path ("aduan" in mongodb://host/aduan?replicaSet=rs0), if any. */
export function databaseInUri(uri: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(uri)?.[0];
  if (!scheme) return undefined;
  const rest = uri.slice(scheme.length);
  const afterHosts = rest.slice(rest.lastIndexOf('@') + 1).split('?')[0] ?? '';
  const slash = afterHosts.indexOf('/');
  const name = slash < 0 ? '' : afterHosts.slice(slash + 1);
  return name === '' ? undefined : name;
}

/** Removes every secret of `uri` (raw and percent-decoded) from a message, e.g. a driver error's text. */
export function scrubSecrets(message: string, uri: string): string {
  let out = uri ? message.split(uri).join(maskMongoUri(uri)) : message;
  for (const secret of secretsOf(uri)) out = out.split(secret).join(MASK);
  return out;
}

function secretsOf(uri: string): string[] {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(uri)?.[0] ?? '';
  const rest = uri.slice(scheme.length);
  const found: string[] = [];
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userInfo = rest.slice(0, at);
    const colon = userInfo.indexOf(':');
    // Without a scheme the whole userinfo may be a secret; with one, only the part after the user name.
    found.push(colon >= 0 && scheme ? userInfo.slice(colon + 1) : userInfo);
  }
  for (const [, key = '', value = ''] of rest.matchAll(/[?&]([^=&]*)=([^&]*)/g)) {
    if (SECRET_OPTION.test(key)) found.push(value);
  }
  const withDecoded = found.flatMap((s) => [s, safeDecode(s)]);
  // Longest first, so a decoded form never leaves a tail of the encoded one behind.
  return [...new Set(withDecoded.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
