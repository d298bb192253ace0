#!/bin/sh
# docker-entrypoint-initdb.d step: read each EVENWIJDIG_<CONTEXT>_PASSWORD_FILE and _OWNER_PASSWORD_FILE
# (compose secrets) into EVENWIJDIG_<CONTEXT>_PASSWORD and _OWNER_PASSWORD, which init.sql reads with \getenv, then run init.sql.
# A password given directly (without _FILE) is used as it is.
set -eu
for name in PARENT_A_CONTEXT PARENT_B_CONTEXT SHARED_AGREEMENTS GATEWAY \
            PARENT_A_CONTEXT_OWNER PARENT_B_CONTEXT_OWNER SHARED_AGREEMENTS_OWNER GATEWAY_OWNER; do
  eval "file=\${EVENWIJDIG_${name}_PASSWORD_FILE:-}"
  if [ -n "$file" ]; then
    export "EVENWIJDIG_${name}_PASSWORD=$(cat "$file")"
  fi
done
# EVENWIJDIG_INIT_SQL: where init.sql is (tests run this script outside a container).
psql -X -q -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres -f "${EVENWIJDIG_INIT_SQL:-/evenwijdig/init.sql}"
