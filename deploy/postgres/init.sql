-- Evenwijdig: one database and one login role per context, and no way across.
-- The fourth, `gateway`, holds the staff directory only: no case content.
--
-- Run with psql as a superuser (docker-entrypoint-initdb.d does exactly that):
--   psql -v ON_ERROR_STOP=1 -f deploy/postgres/init.sql
-- Passwords come from the environment, never from this file:
--   EVENWIJDIG_PARENT_A_CONTEXT_PASSWORD, EVENWIJDIG_PARENT_B_CONTEXT_PASSWORD,
--   EVENWIJDIG_SHARED_AGREEMENTS_PASSWORD, EVENWIJDIG_GATEWAY_PASSWORD (left unset: the role has no password,
--   which suits only a cluster whose pg_hba.conf decides otherwise).
-- The script is idempotent: running it again changes nothing but the passwords.

\set ON_ERROR_STOP on

\getenv parent_a_context_password EVENWIJDIG_PARENT_A_CONTEXT_PASSWORD
\getenv parent_b_context_password EVENWIJDIG_PARENT_B_CONTEXT_PASSWORD
\getenv shared_agreements_password EVENWIJDIG_SHARED_AGREEMENTS_PASSWORD
\getenv gateway_password EVENWIJDIG_GATEWAY_PASSWORD

-- Login roles with no privileges beyond their own database. INHERIT stays on: a
-- database owner reaches its public schema through the implicit pg_database_owner role.
SELECT format('CREATE ROLE %I', name)
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway']) AS name
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name)
\gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT', name)
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

-- One database per context, owned by the role of the same name.
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', name, name)
  FROM unnest(ARRAY['parent_a_context', 'parent_b_context', 'shared_agreements', 'gateway']) AS name
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name)
\gexec

-- Nobody but the owner may connect: a context's credential opens its own store only.
REVOKE ALL ON DATABASE parent_a_context FROM PUBLIC;
REVOKE ALL ON DATABASE parent_b_context FROM PUBLIC;
REVOKE ALL ON DATABASE shared_agreements FROM PUBLIC;
REVOKE ALL ON DATABASE gateway FROM PUBLIC;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE parent_a_context TO parent_a_context;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE parent_b_context TO parent_b_context;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE shared_agreements TO shared_agreements;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE gateway TO gateway;
