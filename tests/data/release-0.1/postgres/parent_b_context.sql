--
-- PostgreSQL database dump
--

\restrict DrcVoppqToKcey0gP3SgSKZFCgat2lExENpVGaKbkDxuziXw6oKhqGsiaw0EzXc

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
    AS $$BEGIN    SET LOCAL lock_timeout = '1s';    NOTIFY "parent_b_context_events";    RETURN QUERY    INSERT INTO "release01"."parent_b_context_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


--
-- Name: parent_b_context_access_log_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_b_context_access_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$;


--
-- Name: parent_b_context_chain_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_b_context_chain_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;


--
-- Name: parent_b_context_chain_insert(uuid[], bigint[], text[], bytea[], text); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_b_context_chain_insert(ids uuid[], versions bigint[], topics text[], states bytea[], wait text) RETURNS bigint[]
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
    LOCK TABLE "release01"."parent_b_context_events" IN EXCLUSIVE MODE;
    NOTIFY "parent_b_context_events";
    SELECT position, link INTO last_position, previous FROM "release01"."parent_b_context_chain" ORDER BY position DESC LIMIT 1;
    previous := coalesce(previous, '\xde00a8f67744ed8091b2db4c8ba0b7cd0b23a0e77eb2e2f993879eafb639661e'::bytea);
    FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
        INSERT INTO "release01"."parent_b_context_events" (originator_id, originator_version, topic, state)
            VALUES (ids[i], versions[i], topics[i], states[i]) RETURNING notification_id INTO new_position;
        IF new_position <= last_position THEN
            RAISE EXCEPTION USING ERRCODE = 'EW001', MESSAGE = format(
                '%s: event position %s is not after the last linked position %s; linked rows were removed '
                'from the store (run `evenwijdig audit verify`)', 'parent_b_context', new_position, last_position);
        END IF;
        -- digest_of: each field length-prefixed (8 bytes, big-endian), the id as 32 hex digits (id_text).
        new_digest := sha256('\x6576656e77696a6469672f6576656e742f7631'::bytea
            || int8send(32) || convert_to(replace(ids[i]::text, '-', ''), 'UTF8')
            || int8send(octet_length(versions[i]::text)::bigint) || convert_to(versions[i]::text, 'UTF8')
            || int8send(octet_length(convert_to(topics[i], 'UTF8'))::bigint) || convert_to(topics[i], 'UTF8')
            || int8send(octet_length(states[i])::bigint) || states[i]);
        previous := sha256('\x6576656e77696a6469672f6c696e6b2f7631'::bytea || previous || int8send(new_position) || new_digest);
        INSERT INTO "release01"."parent_b_context_chain" (position, digest, link) VALUES (new_position, new_digest, previous);
        last_position := new_position;
        positions := positions || new_position;
    END LOOP;
    RETURN positions;
END
$$;


--
-- Name: parent_b_context_checkpoints_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_b_context_checkpoints_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: parent_b_context_access_log; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_b_context_access_log (
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
-- Name: parent_b_context_access_log_position_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.parent_b_context_access_log_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parent_b_context_access_log_position_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.parent_b_context_access_log_position_seq OWNED BY release01.parent_b_context_access_log."position";


--
-- Name: parent_b_context_case_keys; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_b_context_case_keys (
    case_id uuid NOT NULL,
    wrapped_key bytea,
    created_at timestamp with time zone NOT NULL,
    retain_until date,
    destroyed_at timestamp with time zone,
    CONSTRAINT parent_b_context_case_keys_check CHECK (((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)))
);


--
-- Name: parent_b_context_chain; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_b_context_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL,
    link bytea NOT NULL
);


--
-- Name: parent_b_context_checkpoints; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_b_context_checkpoints (
    number bigint NOT NULL,
    context text NOT NULL,
    "position" bigint NOT NULL,
    head bytea NOT NULL,
    signed_at text NOT NULL,
    key_id text NOT NULL,
    signature bytea NOT NULL
);


--
-- Name: parent_b_context_checkpoints_number_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.parent_b_context_checkpoints_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parent_b_context_checkpoints_number_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.parent_b_context_checkpoints_number_seq OWNED BY release01.parent_b_context_checkpoints.number;


--
-- Name: parent_b_context_events; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_b_context_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: parent_b_context_events_notification_id_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.parent_b_context_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parent_b_context_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.parent_b_context_events_notification_id_seq OWNED BY release01.parent_b_context_events.notification_id;


--
-- Name: parent_b_context_access_log position; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_access_log ALTER COLUMN "position" SET DEFAULT nextval('release01.parent_b_context_access_log_position_seq'::regclass);


--
-- Name: parent_b_context_checkpoints number; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_checkpoints ALTER COLUMN number SET DEFAULT nextval('release01.parent_b_context_checkpoints_number_seq'::regclass);


--
-- Name: parent_b_context_events notification_id; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_events ALTER COLUMN notification_id SET DEFAULT nextval('release01.parent_b_context_events_notification_id_seq'::regclass);


--
-- Data for Name: parent_b_context_access_log; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_b_context_access_log ("position", at, user_id, role, action, context, case_id, operation, responsible_user, emergency) FROM stdin;
1	2026-12-03 15:43:08.269298+00	demo-counsellor-b	counsellor	read	parent_b_context	56523cf9-d679-5420-85ed-cf321ab06a84	trajectory	demo-counsellor-b	f
2	2026-12-03 15:43:10.243307+00	demo-auditor	operator	export	parent_b_context	56523cf9-d679-5420-85ed-cf321ab06a84	report	demo-auditor	f
3	2026-12-03 15:43:11.802914+00	root	auditor	read	parent_b_context	\N	audit checkpoint	root	f
\.


--
-- Data for Name: parent_b_context_case_keys; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_b_context_case_keys (case_id, wrapped_key, created_at, retain_until, destroyed_at) FROM stdin;
56523cf9-d679-5420-85ed-cf321ab06a84	\\xdba9c6862b374f201e74d0e1b21b4e020ce903c90aa5722f52e713f316563335570d467358b707ef1027d01d025da338fa21096dea937d122ec4988b	2026-12-03 15:43:04.124282+00	\N	\N
\.


--
-- Data for Name: parent_b_context_chain; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_b_context_chain ("position", digest, link) FROM stdin;
1	\\x967c1d8a51e529dbf21ffbf88584236712841975202fa36bc2b8b07028cf4031	\\x07d47a06b0694f4144bca5eaf8b29722ed91eba59320b1b975101fc97b72d68a
2	\\xd05fa02d799a86ce425fa39b1d5cca2aa96f6a98e3a28e9399437df7cd7da2e5	\\x53f5158be116548f16444478cd8619e86db078aa7ad4de800918c33351b11d87
3	\\x1a0c2f1ef9a83fac9a4ae38d4cbc78c35c44fa09df8942f7063e83195fb4999f	\\xda5348ef3748585140be80ae56a255e718283941b86bafc05b32a7c19de06c20
4	\\x0f8e8bef8e15ad3d523ba79d0ef07a46d60c0f8d9ddba102de23cdc1e9fc7e53	\\xc17421e0bac8f3d55caa763094c983e1e8e48c215ec8e611ac3c54635a13a253
5	\\x87bc7a8756951bfb2545eacc9df23d615761e7819d94f40a8c7a5607e430c47f	\\x784a37f5fe731e9571c88c78e5ff5c5b37e702879d1151f14a1553cba5bfe06f
6	\\xc2e1488a9e7eea0b59975baabe8913849150e160dffd685c95def4599099b7d6	\\x1f9ee391625b0836620188dbaa3276208c69c0bd18e64a63b6ffbd8ba3951f6d
7	\\x07b6b6be29d4127d7d188c01932d5290fb935b2c5d51d7309b2ea040d94b892c	\\xd09798195904fbc2e6f69d1c58ceed56c1980efafe7460268f838518f7966565
8	\\x50aeaf71157cdfbc76972e0c81b1ced0764e4c1cf1794d187146f86f33b98b9e	\\xe9d9a7da79049e878c938c40f085802f3975014251017835c9d47122581bfb5c
9	\\x841e6184b9e57678484f09190fae92601224393eee86043aa136da689fabf463	\\x2bdd92b53b9ded245e09ee84ec30ac7ddc332a08b0bb9d84883be7e2e9f06ffb
\.


--
-- Data for Name: parent_b_context_checkpoints; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_b_context_checkpoints (number, context, "position", head, signed_at, key_id, signature) FROM stdin;
1	parent_b_context	9	\\x2bdd92b53b9ded245e09ee84ec30ac7ddc332a08b0bb9d84883be7e2e9f06ffb	2026-12-03T15:43:11.848300+00:00	c1bb8bae02cd8ca1	\\xcf26fb8fd06c5d4dd250b5f5bf8b38e7ea5a4f9768b6ef8346cc3217aad2e90ebf9a02031618d14611808d381d6edd40d621b05c2c519276725d190d994de408
\.


--
-- Data for Name: parent_b_context_events; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_b_context_events (originator_id, originator_version, topic, state, notification_id) FROM stdin;
d13ccf74-35bf-5b00-9c32-2254a1700e58	1	services.parent_side.domain.trajectory:Trajectory.IntakeHeld	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3130363431332b30303a3030227d2c226f726967696e61746f725f746f706963223a2273657276696365732e706172656e745f736964652e646f6d61696e2e7472616a6563746f72793a5472616a6563746f7279222c22636173655f6964223a7b225f747970655f223a22757569645f686578222c225f646174615f223a223536353233636639643637393534323038356564636633323161623036613834227d2c22706172656e74223a224d61726b204a616e73656e222c226368696c6472656e223a5b7b2266697273745f6e616d65223a224e6f6f72222c22646174655f6f665f6269727468223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323031342d30332d3132227d7d2c7b2266697273745f6e616d65223a224461616e222c22646174655f6f665f6269727468223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323031372d30392d3033227d7d5d2c2272756c6573223a7b2274656d706c617465223a22706172616c6c656c5f736f6c6f5f6f7564657273636861705f6c6f6d616e222c227469746c65223a22506172616c6c656c20736f6c6f206f756465727363686170222c226d696e5f7765656b73223a32362c226d61785f7765656b73223a33352c22706c616e6e65645f73657373696f6e73223a31302c226d61785f73657373696f6e73223a6e756c6c2c2273657373696f6e5f696e74657276616c5f64617973223a31342c226d61785f6368696c645f636f6e766572736174696f6e73223a342c22636f6e73656e745f62656c6f775f616765223a31362c2272657175697265735f706172656e74616c5f617574686f72697479223a747275652c22736b6970735f7363686f6f6c5f686f6c6964617973223a66616c73652c22736f75726365223a22706172616c6c656c2d736f6c6f2d6f7564657273636861702d6c6f6d616e2e747874222c226465736372697074696f6e223a22456967656e2068756c707665726c656e657220706572206f756465722c203620746f742038206d61616e64656e2c206f6e676576656572203130206765737072656b6b656e2c2065656e732070657220322077656b656e2e222c22636f6d706f6e656e7473223a5b22496e646976696475656c65206765737072656b6b656e206d657420646520656967656e2068756c707665726c656e6572222c224d6178696d61616c2034206b696e646765737072656b6b656e20646f6f722065656e20616e646572652068756c707665726c656e65722c206d657420746f657374656d6d696e672076616e206465206f7564657273222c224f707374656c6c656e2076616e206465207a6f7267726567656c696e6720286f6e6465726465656c2c206765656e20646f656c29222c225370656c726567656c733a2076617374206b616465722076616e20726567656c7320656e206772656e7a656e2077616172766f6f7220696564657265206f756465722074656b656e74225d2c22676f616c73223a5b5d2c226a6f696e745f73657373696f6e73223a6e756c6c2c226d61785f6a6f696e745f73657373696f6e73223a6e756c6c2c226a6f696e745f6d656574696e675f6d6f6e746873223a5b5d2c226a6f696e745f6d656574696e675f7765656b64617973223a5b5d2c226a6f696e745f6d656574696e67735f6265666f72655f6e6f6f6e223a66616c73652c226a6f696e745f6d656574696e67735f696e5f706572736f6e223a66616c73652c226a6f696e745f6d656574696e67735f6d6f7661626c65223a747275652c226a6f696e745f6d656574696e675f7061757365645f6f6e5f61676772657373696f6e223a66616c73652c226368696c645f636f6e766572736174696f6e735f6f7074696f6e616c223a66616c73652c226368696c645f636f6e766572736174696f6e735f62795f6f746865725f636f756e73656c6c6f72223a747275652c226d696e5f6368696c645f7669736974735f7065725f79656172223a6e756c6c2c22737570657276697365645f636f6e746163745f706f737369626c65223a747275652c226d696e5f70726f66657373696f6e616c5f686f7572735f7065725f79656172223a6e756c6c2c226d61785f70726f66657373696f6e616c5f686f7572735f7065725f79656172223a6e756c6c7d2c22636f756e73656c6c6f72223a2264656d6f2d636f756e73656c6c6f722d62222c22706172656e74616c5f617574686f72697479223a747275652c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3034227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	1
d13ccf74-35bf-5b00-9c32-2254a1700e58	2	services.parent_side.domain.trajectory:Trajectory.GoalsProposed	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3131313639332b30303a3030227d2c22676f616c73223a5b2244652062616e64206d6574204461616e20766572737465726b656e222c2252757a696573206f766572206465206f6d67616e6773726567656c696e672075697420646520776567206761616e225d2c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c22706172656e745f6368696c645f626f6e64225d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3131227d2c2272756c6573223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	2
d13ccf74-35bf-5b00-9c32-2254a1700e58	3	services.parent_side.domain.trajectory:Trajectory.ConsentRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3131353539382b30303a3030227d2c2273636f706573223a5b227472616a6563746f7279222c226368696c645f636f6e766572736174696f6e73225d2c22676976656e5f6279223a5b224d61726b204a616e73656e225d2c22676976656e5f6f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3131227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	3
d13ccf74-35bf-5b00-9c32-2254a1700e58	4	services.parent_side.domain.trajectory:Trajectory.ProposalAgreed	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3132303031332b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3132227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	4
d13ccf74-35bf-5b00-9c32-2254a1700e58	5	services.parent_side.domain.trajectory:Trajectory.TrajectoryStarted	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3132313838382b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3138227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	5
d13ccf74-35bf-5b00-9c32-2254a1700e58	6	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3132333439362b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3138227d2c226475726174696f6e5f6d696e75746573223a36302c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c22706172656e745f6368696c645f626f6e64225d2c226e6f7465223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a222b76776d41362b5a58527a336c2f504656757a357a4b6d4a78477a396b6e3577705634393374575054734f78493669355263713553776a4567752f3535565946675678396e58345a2b573139632f367641317275684934747674713275322f6d386d4d574232766e227d7d2c22617474656e646564223a747275652c226d69737365645f726561736f6e223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	6
d13ccf74-35bf-5b00-9c32-2254a1700e58	7	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3132383135392b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30372d3032227d2c226475726174696f6e5f6d696e75746573223a36302c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c22706172656e745f6368696c645f626f6e64225d2c226e6f7465223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a22313550514a686c705871514c533855446c3976464e6139534c475046626c4d356961515574323062765055546e77382f70516e664c356a47617532346f75494267572f65336a3133593641456d6a5874326e69424c3655304479525a56413744396738566a7853594433333054773d3d227d7d2c22617474656e646564223a747275652c226d69737365645f726561736f6e223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	7
d13ccf74-35bf-5b00-9c32-2254a1700e58	8	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3133303932382b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30372d3136227d2c226475726174696f6e5f6d696e75746573223a36302c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c22706172656e745f6368696c645f626f6e64225d2c226e6f7465223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a22696d4b70512b447049434931514b43414849467265654462774e75473751516f2f554b4351616865716372485443705646366c50336352642b4e636d357136697543464936714263414d4732767a7855483057324e71476247322b31317a347748516231366e2f55506147676d446b4a535a756a547a453d227d7d2c22617474656e646564223a747275652c226d69737365645f726561736f6e223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d62227d	8
d13ccf74-35bf-5b00-9c32-2254a1700e58	9	services.parent_side.domain.trajectory:Trajectory.ChildConversationRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3133363633352b30303a3030227d2c226368696c64223a224461616e222c2268656c645f6279223a2264656d6f2d6368696c642d636f756e73656c6c6f72222c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30372d3038227d2c2273756d6d617279223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a2236503078315279383935777a6646582f3455684c43714142422b5936734b36717250576f4c6a587a76644f5964626b6a777155775567546b2b31474546686d5666384e627070326c6c436947314c48463077496f676c707435586d373757624b436e474c506a50574c58754d677253594a30453d227d7d2c226163746f72223a2264656d6f2d6368696c642d636f756e73656c6c6f72227d	9
\.


--
-- Name: parent_b_context_access_log_position_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.parent_b_context_access_log_position_seq', 3, true);


--
-- Name: parent_b_context_checkpoints_number_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.parent_b_context_checkpoints_number_seq', 1, true);


--
-- Name: parent_b_context_events_notification_id_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.parent_b_context_events_notification_id_seq', 9, true);


--
-- Name: parent_b_context_access_log parent_b_context_access_log_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_access_log
    ADD CONSTRAINT parent_b_context_access_log_pkey PRIMARY KEY ("position");


--
-- Name: parent_b_context_case_keys parent_b_context_case_keys_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_case_keys
    ADD CONSTRAINT parent_b_context_case_keys_pkey PRIMARY KEY (case_id);


--
-- Name: parent_b_context_chain parent_b_context_chain_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_chain
    ADD CONSTRAINT parent_b_context_chain_pkey PRIMARY KEY ("position");


--
-- Name: parent_b_context_checkpoints parent_b_context_checkpoints_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_checkpoints
    ADD CONSTRAINT parent_b_context_checkpoints_pkey PRIMARY KEY (number);


--
-- Name: parent_b_context_events parent_b_context_events_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_b_context_events
    ADD CONSTRAINT parent_b_context_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: parent_b_context_events_notification_id_idx; Type: INDEX; Schema: release01; Owner: -
--

CREATE UNIQUE INDEX parent_b_context_events_notification_id_idx ON release01.parent_b_context_events USING btree (notification_id);


--
-- Name: parent_b_context_access_log parent_b_context_access_log_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER parent_b_context_access_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.parent_b_context_access_log FOR EACH STATEMENT EXECUTE FUNCTION release01.parent_b_context_access_log_append_only();


--
-- Name: parent_b_context_chain parent_b_context_chain_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER parent_b_context_chain_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.parent_b_context_chain FOR EACH STATEMENT EXECUTE FUNCTION release01.parent_b_context_chain_append_only();


--
-- Name: parent_b_context_checkpoints parent_b_context_checkpoints_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER parent_b_context_checkpoints_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.parent_b_context_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION release01.parent_b_context_checkpoints_append_only();


--
-- PostgreSQL database dump complete
--

\unrestrict DrcVoppqToKcey0gP3SgSKZFCgat2lExENpVGaKbkDxuziXw6oKhqGsiaw0EzXc

