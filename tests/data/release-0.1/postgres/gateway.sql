--
-- PostgreSQL database dump
--

\restrict Zsu6qQKbAVZXViPfDE39DT8yYHMtaP3WGyngWdX5ZYHnQkbAgOVXUdgUIbhdy3L

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: release01; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA release01;


--
-- Name: stored_event_uuid; Type: TYPE; Schema: release01; Owner: -
--

CREATE TYPE release01.stored_event_uuid AS (
	originator_id uuid,
	originator_version bigint,
	topic text,
	state bytea
);


--
-- Name: es_insert_events_uuid(release01.stored_event_uuid[]); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.es_insert_events_uuid(events release01.stored_event_uuid[]) RETURNS SETOF bigint
    LANGUAGE plpgsql
    AS $$BEGIN    SET LOCAL lock_timeout = '1s';    NOTIFY "gateway_events";    RETURN QUERY    INSERT INTO "release01"."gateway_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


--
-- Name: gateway_access_log_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.gateway_access_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$;


--
-- Name: gateway_chain_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.gateway_chain_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;


--
-- Name: gateway_chain_insert(uuid[], bigint[], text[], bytea[], text); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.gateway_chain_insert(ids uuid[], versions bigint[], topics text[], states bytea[], wait text) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
    last_position bigint;
    previous bytea;
    new_position bigint;
    new_digest bytea;
    positions bigint[] := '{}';
BEGIN
    PERFORM set_config('lock_timeout', wait, true);
    LOCK TABLE "release01"."gateway_events" IN EXCLUSIVE MODE;
    NOTIFY "gateway_events";
    SELECT position, link INTO last_position, previous FROM "release01"."gateway_chain" ORDER BY position DESC LIMIT 1;
    previous := coalesce(previous, '\xb74e23dacd29d8de30faeb27d780deefdb9b426ac2ee40af158308c5c45112e0'::bytea);
    FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
        INSERT INTO "release01"."gateway_events" (originator_id, originator_version, topic, state)
            VALUES (ids[i], versions[i], topics[i], states[i]) RETURNING notification_id INTO new_position;
        IF new_position <= last_position THEN
            RAISE EXCEPTION USING ERRCODE = 'EW001', MESSAGE = format(
                '%s: event position %s is not after the last linked position %s; linked rows were removed '
                'from the store (run `evenwijdig audit verify`)', 'gateway', new_position, last_position);
        END IF;
        -- digest_of: each field length-prefixed (8 bytes, big-endian), the id as 32 hex digits (id_text).
        new_digest := sha256('\x6576656e77696a6469672f6576656e742f7631'::bytea
            || int8send(32) || convert_to(replace(ids[i]::text, '-', ''), 'UTF8')
            || int8send(octet_length(versions[i]::text)::bigint) || convert_to(versions[i]::text, 'UTF8')
            || int8send(octet_length(convert_to(topics[i], 'UTF8'))::bigint) || convert_to(topics[i], 'UTF8')
            || int8send(octet_length(states[i])::bigint) || states[i]);
        previous := sha256('\x6576656e77696a6469672f6c696e6b2f7631'::bytea || previous || int8send(new_position) || new_digest);
        INSERT INTO "release01"."gateway_chain" (position, digest, link) VALUES (new_position, new_digest, previous);
        last_position := new_position;
        positions := positions || new_position;
    END LOOP;
    RETURN positions;
END
$$;


--
-- Name: gateway_checkpoints_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.gateway_checkpoints_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: gateway_access_log; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.gateway_access_log (
    "position" bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id text NOT NULL,
    role text NOT NULL,
    action text NOT NULL,
    context text NOT NULL,
    case_id uuid,
    operation text NOT NULL,
    responsible_user text NOT NULL,
    emergency boolean NOT NULL
);


--
-- Name: gateway_access_log_position_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.gateway_access_log_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: gateway_access_log_position_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.gateway_access_log_position_seq OWNED BY release01.gateway_access_log."position";


--
-- Name: gateway_case_keys; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.gateway_case_keys (
    case_id uuid NOT NULL,
    wrapped_key bytea,
    created_at timestamp with time zone NOT NULL,
    retain_until date,
    destroyed_at timestamp with time zone,
    CONSTRAINT gateway_case_keys_check CHECK (((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)))
);


--
-- Name: gateway_chain; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.gateway_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL,
    link bytea NOT NULL
);


--
-- Name: gateway_checkpoints; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.gateway_checkpoints (
    number bigint NOT NULL,
    context text NOT NULL,
    "position" bigint NOT NULL,
    head bytea NOT NULL,
    signed_at text NOT NULL,
    key_id text NOT NULL,
    signature bytea NOT NULL
);


--
-- Name: gateway_checkpoints_number_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.gateway_checkpoints_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: gateway_checkpoints_number_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.gateway_checkpoints_number_seq OWNED BY release01.gateway_checkpoints.number;


--
-- Name: gateway_events; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.gateway_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: gateway_events_notification_id_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.gateway_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: gateway_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.gateway_events_notification_id_seq OWNED BY release01.gateway_events.notification_id;


--
-- Name: gateway_idempotency; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.gateway_idempotency (
    user_id text NOT NULL,
    audience text NOT NULL,
    key text NOT NULL,
    fingerprint text NOT NULL,
    created_at double precision NOT NULL,
    status integer,
    body bytea
);


--
-- Name: gateway_access_log position; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_access_log ALTER COLUMN "position" SET DEFAULT nextval('release01.gateway_access_log_position_seq'::regclass);


--
-- Name: gateway_checkpoints number; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_checkpoints ALTER COLUMN number SET DEFAULT nextval('release01.gateway_checkpoints_number_seq'::regclass);


--
-- Name: gateway_events notification_id; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_events ALTER COLUMN notification_id SET DEFAULT nextval('release01.gateway_events_notification_id_seq'::regclass);


--
-- Data for Name: gateway_access_log; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.gateway_access_log ("position", at, user_id, role, action, context, case_id, operation, responsible_user, emergency) FROM stdin;
1	2026-12-03 15:43:12.390343+00	root	auditor	read	gateway	\N	audit checkpoint	root	f
\.


--
-- Data for Name: gateway_case_keys; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.gateway_case_keys (case_id, wrapped_key, created_at, retain_until, destroyed_at) FROM stdin;
\.


--
-- Data for Name: gateway_chain; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.gateway_chain ("position", digest, link) FROM stdin;
1	\\x2078d7411cbd64f84de76dcac35c7170f30fd5d073a683589dc8e8a553a8080c	\\x1543b7dadeb1dfd88b89bc9ec049b466052c4ae5e4ce71e8b771dc811446bfa9
2	\\x11140938c48abefbef862a5226173425958d8c49023eb178151ff964dc105309	\\x01a57b861ff305f41fae56ff436c89070fea4c0299de5bc33963f4ef85ae9c30
3	\\xf29038ce6e1967ba73795f51b49b4afa737b38413d9314aa0ffff7813594acdb	\\x53b85688bf5c8a92fdef659b909553616aa6d0d38fcd8c50094da581ea3ac42f
4	\\x0e29f22d918c3f792b1a4b00f62defd66e3bdba83481b2ce5b58ecb3e45a5f2c	\\x48d6309eb3ce95e7bf49013be9d1b60826c699431622b75d67df2e92c26c2700
5	\\x89aca9c0701dfe58509d14652b9271b8f0b733f97df1651bb5d43aeb30909cca	\\xf61d354e85a81b21e58f3a7885488b5e049c3324365bf0794a6780b5d880fa5d
6	\\xd3048c586750e00bd5cba36d276c2866e07353f3980e85f48e841e9615251995	\\xa1f8f71c4bc4471130f822e28ffbce6c668e0e4f5efca5cceb3ed6971a722d00
7	\\x43610c295165466a66b327e5c4ebe582115523931229b47aff7e139a2d56e184	\\x66dcc67f9b01b51fcfe75cbdd94c0bc9872de176ab39a2d45dd7849c42a24af9
8	\\x1afa00a2030da7f3d3c03740599de48fbc8c009a6fe296e868051223cba2c728	\\xc3edc2d7c9d3267d11f4afec9c06cb9650dd9da845a0e9c3b616457d99e81073
9	\\x5f5aa52d1652246da765c581aae81c303201b67bea1f1e7a525a2138fb4a7fec	\\x3598437ca9b897fda6fefcc9baad59a8099d0aafbc27f72c4f82ac758fafc8b7
10	\\x15425255db309b9bc9a70f3f278f90b003220968035d0a50267b50c3ab987d24	\\xee03e40bcaa418c5c6333b5e6deb1bffe2610eae51f8123c0547161d01a8b78b
11	\\x09647a363fc63aeea6e407d654bdeafcd5f075647bc88cc8352279f2c901181e	\\x2490de86031fbe6ef906a3643e275df1291cb2601ba2eab36584ddcbee1fb324
\.


--
-- Data for Name: gateway_checkpoints; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.gateway_checkpoints (number, context, "position", head, signed_at, key_id, signature) FROM stdin;
1	gateway	11	\\x2490de86031fbe6ef906a3643e275df1291cb2601ba2eab36584ddcbee1fb324	2026-12-03T15:43:12.426397+00:00	c1bb8bae02cd8ca1	\\xf114d9d57fe5b58e2c621d076027b4bb47b5d733ef41d883c6b4661b7b42b2be9207f804601b3e90d90c44b775f11e2cef602f572bdd68306ae332f568ff7307
\.


--
-- Data for Name: gateway_events; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.gateway_events (originator_id, originator_version, topic, state, notification_id) FROM stdin;
e73063bf-3f68-5566-81f9-21fad86d9703	1	gateway.directory.staff:StaffMember.Registered	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3934393533372b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e73746166663a53746166664d656d626572222c2275736572223a2264656d6f2d636f756e73656c6c6f722d61222c22646973706c61795f6e616d65223a22496e656b6520426f73222c22726f6c6573223a5b22636f756e73656c6c6f72225d2c226163746f72223a2264656d6f2d61646d696e227d	1
d65116b9-4ccd-5462-b23f-69861f8e64f5	1	gateway.directory.staff:StaffMember.Registered	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3936323433372b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e73746166663a53746166664d656d626572222c2275736572223a2264656d6f2d636f756e73656c6c6f722d62222c22646973706c61795f6e616d65223a22596f757373656620456c20416d72616e69222c22726f6c6573223a5b22636f756e73656c6c6f72225d2c226163746f72223a2264656d6f2d61646d696e227d	2
0d034ea3-90cd-5159-9fba-9ff305a232ab	1	gateway.directory.staff:StaffMember.Registered	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3936373836372b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e73746166663a53746166664d656d626572222c2275736572223a2264656d6f2d636f6f7264696e61746f72222c22646973706c61795f6e616d65223a224d617269656b6520566973736572222c22726f6c6573223a5b22636f6f7264696e61746f72225d2c226163746f72223a2264656d6f2d61646d696e227d	3
fbb8d5d3-dc19-55a3-819f-19229e059f10	1	gateway.directory.staff:StaffMember.Registered	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3937313130302b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e73746166663a53746166664d656d626572222c2275736572223a2264656d6f2d6368696c642d636f756e73656c6c6f72222c22646973706c61795f6e616d65223a224c6f7474652076616e2044696a6b222c22726f6c6573223a5b226368696c645f636f756e73656c6c6f72225d2c226163746f72223a2264656d6f2d61646d696e227d	4
b7315c72-fc0a-5801-8ab6-1e8504175e31	1	gateway.directory.staff:StaffMember.Registered	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3937333537312b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e73746166663a53746166664d656d626572222c2275736572223a2264656d6f2d61756469746f72222c22646973706c61795f6e616d65223a22527575642048656e6472696b73222c22726f6c6573223a5b2261756469746f72225d2c226163746f72223a2264656d6f2d61646d696e227d	5
8bf08e04-46e8-5f85-9574-b1fbca211f66	1	gateway.directory.staff:StaffMember.Registered	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3937363631362b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e73746166663a53746166664d656d626572222c2275736572223a2264656d6f2d61646d696e222c22646973706c61795f6e616d65223a224170706c696361746965626568656572222c22726f6c6573223a5b2261646d696e225d2c226163746f72223a2264656d6f2d61646d696e227d	6
f656e798-faaf-54e6-9d2c-e02266632325	1	gateway.directory.staffing:CaseStaffing.Opened	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3938303134322b30303a3030227d2c226f726967696e61746f725f746f706963223a22676174657761792e6469726563746f72792e7374616666696e673a436173655374616666696e67222c22636173655f6964223a7b225f747970655f223a22757569645f686578222c225f646174615f223a223536353233636639643637393534323038356564636633323161623036613834227d2c226163746f72223a2264656d6f2d61646d696e227d	7
f656e798-faaf-54e6-9d2c-e02266632325	2	gateway.directory.staffing:CaseStaffing.CounsellorAssigned	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3938303331342b30303a3030227d2c2273696465223a22706172656e745f61222c2275736572223a2264656d6f2d636f756e73656c6c6f722d61222c226163746f72223a2264656d6f2d61646d696e222c22726561736f6e223a22696e74616b65227d	8
f656e798-faaf-54e6-9d2c-e02266632325	3	gateway.directory.staffing:CaseStaffing.CounsellorAssigned	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3938363632352b30303a3030227d2c2273696465223a22706172656e745f62222c2275736572223a2264656d6f2d636f756e73656c6c6f722d62222c226163746f72223a2264656d6f2d61646d696e222c22726561736f6e223a22696e74616b65227d	9
f656e798-faaf-54e6-9d2c-e02266632325	4	gateway.directory.staffing:CaseStaffing.ChildCounsellorAssigned	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3939323132322b30303a3030227d2c2275736572223a2264656d6f2d6368696c642d636f756e73656c6c6f72222c226163746f72223a2264656d6f2d61646d696e227d	10
f656e798-faaf-54e6-9d2c-e02266632325	5	gateway.directory.staffing:CaseStaffing.CoordinatorAssigned	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30332e3939343936302b30303a3030227d2c2275736572223a2264656d6f2d636f6f7264696e61746f72222c226163746f72223a2264656d6f2d61646d696e227d	11
\.


--
-- Data for Name: gateway_idempotency; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.gateway_idempotency (user_id, audience, key, fingerprint, created_at, status, body) FROM stdin;
\.


--
-- Name: gateway_access_log_position_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.gateway_access_log_position_seq', 1, true);


--
-- Name: gateway_checkpoints_number_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.gateway_checkpoints_number_seq', 1, true);


--
-- Name: gateway_events_notification_id_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.gateway_events_notification_id_seq', 11, true);


--
-- Name: gateway_access_log gateway_access_log_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_access_log
    ADD CONSTRAINT gateway_access_log_pkey PRIMARY KEY ("position");


--
-- Name: gateway_case_keys gateway_case_keys_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_case_keys
    ADD CONSTRAINT gateway_case_keys_pkey PRIMARY KEY (case_id);


--
-- Name: gateway_chain gateway_chain_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_chain
    ADD CONSTRAINT gateway_chain_pkey PRIMARY KEY ("position");


--
-- Name: gateway_checkpoints gateway_checkpoints_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_checkpoints
    ADD CONSTRAINT gateway_checkpoints_pkey PRIMARY KEY (number);


--
-- Name: gateway_events gateway_events_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_events
    ADD CONSTRAINT gateway_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: gateway_idempotency gateway_idempotency_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.gateway_idempotency
    ADD CONSTRAINT gateway_idempotency_pkey PRIMARY KEY (user_id, audience, key);


--
-- Name: gateway_events_notification_id_idx; Type: INDEX; Schema: release01; Owner: -
--

CREATE UNIQUE INDEX gateway_events_notification_id_idx ON release01.gateway_events USING btree (notification_id);


--
-- Name: gateway_idempotency_created; Type: INDEX; Schema: release01; Owner: -
--

CREATE INDEX gateway_idempotency_created ON release01.gateway_idempotency USING btree (created_at);


--
-- Name: gateway_access_log gateway_access_log_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER gateway_access_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.gateway_access_log FOR EACH STATEMENT EXECUTE FUNCTION release01.gateway_access_log_append_only();


--
-- Name: gateway_chain gateway_chain_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER gateway_chain_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.gateway_chain FOR EACH STATEMENT EXECUTE FUNCTION release01.gateway_chain_append_only();


--
-- Name: gateway_checkpoints gateway_checkpoints_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER gateway_checkpoints_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.gateway_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION release01.gateway_checkpoints_append_only();


--
-- PostgreSQL database dump complete
--

\unrestrict Zsu6qQKbAVZXViPfDE39DT8yYHMtaP3WGyngWdX5ZYHnQkbAgOVXUdgUIbhdy3L

