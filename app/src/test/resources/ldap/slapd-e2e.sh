#!/usr/bin/env bash
# Starts a throwaway OpenLDAP slapd for the end-to-end suite, in the foreground (the test owns the process).
#   slapd-e2e.sh <work-dir> <ldap-port> <ldaps-port> <seed.ldif>
# Creates, under <work-dir>: a CA and a server certificate for localhost/127.0.0.1 (ca.pem is what the test
# trusts), a slapd.conf with an mdb database for dc=example,dc=com, a read-only sync account
# cn=sync,dc=example,dc=com (password in sync.password), the seed data, then execs slapd on 127.0.0.1 only.
# Never touches a system slapd or /etc/ldap beyond reading its schema files.
set -euo pipefail
work="$1"; port="$2"; ldaps_port="$3"; seed="$4"
SLAPD="$(command -v slapd || echo /usr/sbin/slapd)"
SLAPADD="$(command -v slapadd || echo /usr/sbin/slapadd)"
SCHEMA=/etc/ldap/schema
MODULES=/usr/lib/ldap
mkdir -p "$work/db"
cd "$work"

# A CA made for this run, and a server certificate it signs.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Muster e2e test CA" \
  -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
  -out server.pem 2>/dev/null
chmod 600 server.key

sync_password="sync-$(openssl rand -hex 8)"
printf '%s' "$sync_password" > sync.password
admin_password="admin-$(openssl rand -hex 8)"
printf "%s" "$admin_password" > admin.password

cat > slapd.conf <<CONF
include $SCHEMA/core.schema
include $SCHEMA/cosine.schema
include $SCHEMA/inetorgperson.schema
include $SCHEMA/nis.schema
modulepath $MODULES
moduleload back_mdb
pidfile $work/slapd.pid
argsfile $work/slapd.args
TLSCACertificateFile $work/ca.pem
TLSCertificateFile $work/server.pem
TLSCertificateKeyFile $work/server.key
# Unpaged searches stop at 50 entries; paged ones may read everything (RFC 2696 is what makes a sync work).
sizelimit size.soft=50 size.hard=50 size.prtotal=unlimited

database mdb
maxsize 104857600
suffix "dc=example,dc=com"
rootdn "cn=admin,dc=example,dc=com"
rootpw $admin_password
directory $work/db
index objectClass eq
index entryUUID eq
access to attrs=userPassword by dn.exact="cn=admin,dc=example,dc=com" write by anonymous auth by * none
access to * by dn.exact="cn=sync,dc=example,dc=com" read by * none
CONF

{
  cat "$seed"
  printf '\ndn: cn=sync,dc=example,dc=com\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: sync\nuserPassword: %s\n' "$sync_password"
} > seed-all.ldif
"$SLAPADD" -q -f slapd.conf -l seed-all.ldif

exec "$SLAPD" -f slapd.conf -h "ldap://127.0.0.1:$port/ ldaps://127.0.0.1:$ldaps_port/" -d 0
