#!/bin/sh
# docker-entrypoint-initdb.d step: read each EVENWIJDIG_<CONTEXT>_PASSWORD_FILE (a compose secret)
# into EVENWIJDIG_<CONTEXT>_PASSWORD, which init.sql reads with \getenv, then run init.sql.
# A password given directly (without _FILE) is used as it is.
set -eu
for name in PARENT_A_CONTEXT PARENT_B_CONTEXT SHARED_AGREEMENTS GATEWAY; do
  eval "file=\${EVENWIJDIG_${name}_PASSWORD_FILE:-}"
  if [ -n "$file" ]; then
    export "EVENWIJDIG_${name}_PASSWORD=$(cat "$file")"
  fi
done
# EVENWIJDIG_INIT_SQL: where init.sql is (tests run this script outside a container).
psql -X -q -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres -f "${EVENWIJDIG_INIT_SQL:-/evenwijdig/init.sql}"
