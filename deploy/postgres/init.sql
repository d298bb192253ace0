-- Evenwijdig: one database per context, owned by an owner role, used by a runtime login; no way across.
-- The fourth, `gateway`, holds the staff directory only: no case content.
--
-- Per context two roles (services/platform/privileges.py says what each may do, and why):
--   <context>_owner  owns the database, its public schema and, once `evenwijdig store init` ran as it,
--                    every table, sequence, function and trigger. Used by this script's successor steps
--                    (store init, migrations) only; no server runs with it.
--   <context>        the runtime login a server uses: CONNECT, and per table only what the product needs;
--                    it cannot create, alter, drop or truncate, nor disable a trigger.
--
-- Run with psql as a superuser (docker-entrypoint-initdb.d does exactly that):
--   psql -v ON_ERROR_STOP=1 -f deploy/postgres/init.sql
-- Passwords come from the environment, never from this file:
--   EVENWIJDIG_PARENT_A_CONTEXT_PASSWORD, EVENWIJDIG_PARENT_B_CONTEXT_PASSWORD,
--   EVENWIJDIG_SHARED_AGREEMENTS_PASSWORD, EVENWIJDIG_GATEWAY_PASSWORD, and for the owners the same with
--   _OWNER_PASSWORD (EVENWIJDIG_PARENT_A_CONTEXT_OWNER_PASSWORD, ...). Left unset: the role has no password,
--   which suits only a cluster whose pg_hba.conf decides otherwise.
-- The script is idempotent: running it again changes nothing but the passwords.

\set ON_ERROR_STOP on

\getenv parent_a_context_password EVENWIJDIG_PARENT_A_CONTEXT_PASSWORD
\getenv parent_b_context_password EVENWIJDIG_PARENT_B_CONTEXT_PASSWORD
\getenv shared_agreements_password EVENWIJDIG_SHARED_AGREEMENTS_PASSWORD
\getenv gateway_password EVENWIJDIG_GATEWAY_PASSWORD
\getenv parent_a_context_owner_password EVENWIJDIG_PARENT_A_CONTEXT_OWNER_PASSWORD
\getenv parent_b_context_owner_password EVENWIJDIG_PARENT_B_CONTEXT_OWNER_PASSWORD
\getenv shared_agreements_owner_password EVENWIJDIG_SHARED_AGREEMENTS_OWNER_PASSWORD
\getenv gateway_owner_password EVENWIJDIG_GATEWAY_OWNER_PASSWORD

-- Login roles with no privileges beyond their own database: the runtime logins and the owners.
SELECT format('CREATE ROLE %I', name)
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway',
                    'parent_a_context_owner', 'parent_b_context_owner', 'shared_agreements_owner', 'gateway_owner'])
       AS name
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name)
\gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', name)
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway',
                    'parent_a_context_owner', 'parent_b_context_owner', 'shared_agreements_owner', 'gateway_owner'])
       AS name
\gexec
-- The owner is a member of its runtime login (never the reverse): it may then take over what an
-- earlier release let the runtime login create, and hand it the case-key table (privileges.py).
SELECT format('GRANT %I TO %I', name, name || '_owner')
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway']) AS name
\gexec

\if :{?parent_a_context_password}
ALTER ROLE parent_a_context PASSWORD :'parent_a_context_password';
\endif
\if :{?parent_b_context_password}
ALTER ROLE parent_b_context PASSWORD :'parent_b_context_password';
\endif
\if :{?shared_agreements_password}
ALTER ROLE shared_agreements PASSWORD :'shared_agreements_password';
\endif
\if :{?gateway_password}
ALTER ROLE gateway PASSWORD :'gateway_password';
\endif
\if :{?parent_a_context_owner_password}
ALTER ROLE parent_a_context_owner PASSWORD :'parent_a_context_owner_password';
\endif
\if :{?parent_b_context_owner_password}
ALTER ROLE parent_b_context_owner PASSWORD :'parent_b_context_owner_password';
\endif
\if :{?shared_agreements_owner_password}
ALTER ROLE shared_agreements_owner PASSWORD :'shared_agreements_owner_password';
\endif
\if :{?gateway_owner_password}
ALTER ROLE gateway_owner PASSWORD :'gateway_owner_password';
\endif

-- One database per context, owned by its owner role (a database made by an earlier release, owned by
-- the runtime login, is handed over: a database's owner may drop it, and owns its public schema).
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', name, name || '_owner')
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway']) AS name
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name)
\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', name, name || '_owner')
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway']) AS name
\gexec

-- Nobody but the two roles of a context may connect: a context's credentials open its own store only.
-- The runtime login may only connect (no CREATE: no schemas of its own; no TEMPORARY: no tables at all).
REVOKE ALL ON DATABASE parent_a_context FROM PUBLIC, parent_a_context;
REVOKE ALL ON DATABASE parent_b_context FROM PUBLIC, parent_b_context;
REVOKE ALL ON DATABASE shared_agreements FROM PUBLIC, shared_agreements;
REVOKE ALL ON DATABASE gateway FROM PUBLIC, gateway;
GRANT CONNECT ON DATABASE parent_a_context TO parent_a_context;
GRANT CONNECT ON DATABASE parent_b_context TO parent_b_context;
GRANT CONNECT ON DATABASE shared_agreements TO shared_agreements;
GRANT CONNECT ON DATABASE gateway TO gateway;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE parent_a_context TO parent_a_context_owner;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE parent_b_context TO parent_b_context_owner;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE shared_agreements TO shared_agreements_owner;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE gateway TO gateway_owner;

-- Next, as each owner: `evenwijdig store init` creates the tables and grants the runtime login.
