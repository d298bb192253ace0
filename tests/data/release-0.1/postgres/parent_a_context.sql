--
-- PostgreSQL database dump
--

\restrict MBvMfAoU4AT9CvPIv88lcRaU3QldSpZFIRseHGHAXOi3VRldGUT5BMIlBZ7f6QH

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
    AS $$BEGIN    SET LOCAL lock_timeout = '1s';    NOTIFY "parent_a_context_events";    RETURN QUERY    INSERT INTO "release01"."parent_a_context_events" AS t (    originator_id, originator_version, topic, state)    SELECT originator_id, originator_version, topic, state    FROM unnest(events)    RETURNING notification_id;END;$$;


--
-- Name: parent_a_context_access_log_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_a_context_access_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$;


--
-- Name: parent_a_context_chain_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_a_context_chain_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;


--
-- Name: parent_a_context_chain_insert(uuid[], bigint[], text[], bytea[], text); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_a_context_chain_insert(ids uuid[], versions bigint[], topics text[], states bytea[], wait text) RETURNS bigint[]
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
    LOCK TABLE "release01"."parent_a_context_events" IN EXCLUSIVE MODE;
    NOTIFY "parent_a_context_events";
    SELECT position, link INTO last_position, previous FROM "release01"."parent_a_context_chain" ORDER BY position DESC LIMIT 1;
    previous := coalesce(previous, '\x9440955e80879698409cf06866bb5dd8bef0ff76818f1e130979e46b814a65b0'::bytea);
    FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
        INSERT INTO "release01"."parent_a_context_events" (originator_id, originator_version, topic, state)
            VALUES (ids[i], versions[i], topics[i], states[i]) RETURNING notification_id INTO new_position;
        IF new_position <= last_position THEN
            RAISE EXCEPTION USING ERRCODE = 'EW001', MESSAGE = format(
                '%s: event position %s is not after the last linked position %s; linked rows were removed '
                'from the store (run `evenwijdig audit verify`)', 'parent_a_context', new_position, last_position);
        END IF;
        -- digest_of: each field length-prefixed (8 bytes, big-endian), the id as 32 hex digits (id_text).
        new_digest := sha256('\x6576656e77696a6469672f6576656e742f7631'::bytea
            || int8send(32) || convert_to(replace(ids[i]::text, '-', ''), 'UTF8')
            || int8send(octet_length(versions[i]::text)::bigint) || convert_to(versions[i]::text, 'UTF8')
            || int8send(octet_length(convert_to(topics[i], 'UTF8'))::bigint) || convert_to(topics[i], 'UTF8')
            || int8send(octet_length(states[i])::bigint) || states[i]);
        previous := sha256('\x6576656e77696a6469672f6c696e6b2f7631'::bytea || previous || int8send(new_position) || new_digest);
        INSERT INTO "release01"."parent_a_context_chain" (position, digest, link) VALUES (new_position, new_digest, previous);
        last_position := new_position;
        positions := positions || new_position;
    END LOOP;
    RETURN positions;
END
$$;


--
-- Name: parent_a_context_checkpoints_append_only(); Type: FUNCTION; Schema: release01; Owner: -
--

CREATE FUNCTION release01.parent_a_context_checkpoints_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: parent_a_context_access_log; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_a_context_access_log (
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
-- Name: parent_a_context_access_log_position_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.parent_a_context_access_log_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parent_a_context_access_log_position_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.parent_a_context_access_log_position_seq OWNED BY release01.parent_a_context_access_log."position";


--
-- Name: parent_a_context_case_keys; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_a_context_case_keys (
    case_id uuid NOT NULL,
    wrapped_key bytea,
    created_at timestamp with time zone NOT NULL,
    retain_until date,
    destroyed_at timestamp with time zone,
    CONSTRAINT parent_a_context_case_keys_check CHECK (((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)))
);


--
-- Name: parent_a_context_chain; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_a_context_chain (
    "position" bigint NOT NULL,
    digest bytea NOT NULL,
    link bytea NOT NULL
);


--
-- Name: parent_a_context_checkpoints; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_a_context_checkpoints (
    number bigint NOT NULL,
    context text NOT NULL,
    "position" bigint NOT NULL,
    head bytea NOT NULL,
    signed_at text NOT NULL,
    key_id text NOT NULL,
    signature bytea NOT NULL
);


--
-- Name: parent_a_context_checkpoints_number_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.parent_a_context_checkpoints_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parent_a_context_checkpoints_number_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.parent_a_context_checkpoints_number_seq OWNED BY release01.parent_a_context_checkpoints.number;


--
-- Name: parent_a_context_events; Type: TABLE; Schema: release01; Owner: -
--

CREATE TABLE release01.parent_a_context_events (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text,
    state bytea,
    notification_id bigint NOT NULL
)
WITH (autovacuum_enabled='true', autovacuum_vacuum_threshold='100000000', autovacuum_vacuum_scale_factor='0.5', autovacuum_analyze_threshold='1000', autovacuum_analyze_scale_factor='0.01');


--
-- Name: parent_a_context_events_notification_id_seq; Type: SEQUENCE; Schema: release01; Owner: -
--

CREATE SEQUENCE release01.parent_a_context_events_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: parent_a_context_events_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: release01; Owner: -
--

ALTER SEQUENCE release01.parent_a_context_events_notification_id_seq OWNED BY release01.parent_a_context_events.notification_id;


--
-- Name: parent_a_context_access_log position; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_access_log ALTER COLUMN "position" SET DEFAULT nextval('release01.parent_a_context_access_log_position_seq'::regclass);


--
-- Name: parent_a_context_checkpoints number; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_checkpoints ALTER COLUMN number SET DEFAULT nextval('release01.parent_a_context_checkpoints_number_seq'::regclass);


--
-- Name: parent_a_context_events notification_id; Type: DEFAULT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_events ALTER COLUMN notification_id SET DEFAULT nextval('release01.parent_a_context_events_notification_id_seq'::regclass);


--
-- Data for Name: parent_a_context_access_log; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_a_context_access_log ("position", at, user_id, role, action, context, case_id, operation, responsible_user, emergency) FROM stdin;
1	2026-12-03 15:43:08.007605+00	demo-counsellor-a	counsellor	read	parent_a_context	56523cf9-d679-5420-85ed-cf321ab06a84	trajectory	demo-counsellor-a	f
2	2026-12-03 15:43:10.236025+00	demo-auditor	operator	export	parent_a_context	56523cf9-d679-5420-85ed-cf321ab06a84	report	demo-auditor	f
3	2026-12-03 15:43:11.65336+00	root	auditor	read	parent_a_context	\N	audit checkpoint	root	f
\.


--
-- Data for Name: parent_a_context_case_keys; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_a_context_case_keys (case_id, wrapped_key, created_at, retain_until, destroyed_at) FROM stdin;
56523cf9-d679-5420-85ed-cf321ab06a84	\\x3551d86a8428291eb65ae8bbba43a35ab3d3f98e922938c9348b768384900d5b0625b381810fb699b5438085c41f9b790db4c813972ee5d1010fe61e	2026-12-03 15:43:04.089403+00	\N	\N
\.


--
-- Data for Name: parent_a_context_chain; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_a_context_chain ("position", digest, link) FROM stdin;
1	\\x707bf670042598aba06ada1b277945dac200062a7b9bd8f824f454a267a7f19e	\\xb9d1ed48a015c0a968dea83074af2293d31c360d5035368acf12781121255609
2	\\x020e396e14068375834344774f7ac36056ed8a2b2c1a5faa7205cc40f986224a	\\x062d32ab96cd34df2d2d06a65acb46353990711051cd72878d5d27205a7ea3ed
3	\\xaba06085186e8f7789dac35f2f3aebeceec65a3f3c1508968358b489e14a8fff	\\x5690d9563ec70a7464170819e21ab09caf9fd2f6bf3a5839639be7b5195498b5
4	\\x3f38f9c58f7326770161d01c1882bab8b0bd29c68ae1343ff539697eead57d9c	\\x41caba0455598044c6cded6415501f0a9559aaa556625a847900540ca7fa9c51
5	\\x09e85fd8701f69c5a6cc5ba3de5ce2daebad8c6fe809a3c036f2ebf7c878d466	\\x74c6508b4785aae7727e20db92fbe3a640b27fe11355bd3e99f3c397c8dc96ce
6	\\xd156faa0eefb8649815abc6a30fcb4a914ceb2cb3b73b2adee13295eb0975454	\\x5d82b44d1b9abe54431cbe15267e9382fe83f430204a706d6b8d090345b1797d
7	\\x4f46d9f1e4433c0caa1b54ee892e2ea54fda81ef96541ea3a62dd5c521ea29d1	\\xda9263cfc6bce6927106cb675f4ab749e25360e4aeaa9c9613850bed490574f7
8	\\xf19679a4364b9ec2bdd8f7b3ece00cd4978f60af26956adb341ed1cc2f985738	\\x46408c611e8bdbb5b6c06227803167d0df6f3d5844c34246d6b4586a5283b0e4
9	\\x2f18b46f536a4f6014b999133d4d9737a66e5e1848a7dbd5c2e0f35fa54f4e22	\\x9b1c1bf3142c8c214d28b92a9a9a0eea74abec21171f38b0ad5a83dda89f91eb
10	\\x974e623648dee69c779f9367b34d23a90ef28488c3b39121c885e9ae909aa872	\\xd1553b70216a1c6715654baafee04c332bd347b065019b3ab5800837ca168aa6
\.


--
-- Data for Name: parent_a_context_checkpoints; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_a_context_checkpoints (number, context, "position", head, signed_at, key_id, signature) FROM stdin;
1	parent_a_context	10	\\xd1553b70216a1c6715654baafee04c332bd347b065019b3ab5800837ca168aa6	2026-12-03T15:43:11.686773+00:00	c1bb8bae02cd8ca1	\\xb615c61bd4cc3b4058eb8d9086ac527e455e147983d2f010b5d59d7b6db0934b3f2bc1a282f57c2974b3b8abc6002b90a21aa846bd0b4ce53787d850f1115403
\.


--
-- Data for Name: parent_a_context_events; Type: TABLE DATA; Schema: release01; Owner: -
--

COPY release01.parent_a_context_events (originator_id, originator_version, topic, state, notification_id) FROM stdin;
d13ccf74-35bf-5b00-9c32-2254a1700e58	1	services.parent_side.domain.trajectory:Trajectory.IntakeHeld	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3036353736372b30303a3030227d2c226f726967696e61746f725f746f706963223a2273657276696365732e706172656e745f736964652e646f6d61696e2e7472616a6563746f72793a5472616a6563746f7279222c22636173655f6964223a7b225f747970655f223a22757569645f686578222c225f646174615f223a223536353233636639643637393534323038356564636633323161623036613834227d2c22706172656e74223a2253616e6e65206465205672696573222c226368696c6472656e223a5b7b2266697273745f6e616d65223a224e6f6f72222c22646174655f6f665f6269727468223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323031342d30332d3132227d7d2c7b2266697273745f6e616d65223a224461616e222c22646174655f6f665f6269727468223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323031372d30392d3033227d7d5d2c2272756c6573223a7b2274656d706c617465223a22706172616c6c656c5f736f6c6f5f6f7564657273636861705f6c6f6d616e222c227469746c65223a22506172616c6c656c20736f6c6f206f756465727363686170222c226d696e5f7765656b73223a32362c226d61785f7765656b73223a33352c22706c616e6e65645f73657373696f6e73223a31302c226d61785f73657373696f6e73223a6e756c6c2c2273657373696f6e5f696e74657276616c5f64617973223a31342c226d61785f6368696c645f636f6e766572736174696f6e73223a342c22636f6e73656e745f62656c6f775f616765223a31362c2272657175697265735f706172656e74616c5f617574686f72697479223a747275652c22736b6970735f7363686f6f6c5f686f6c6964617973223a66616c73652c22736f75726365223a22706172616c6c656c2d736f6c6f2d6f7564657273636861702d6c6f6d616e2e747874222c226465736372697074696f6e223a22456967656e2068756c707665726c656e657220706572206f756465722c203620746f742038206d61616e64656e2c206f6e676576656572203130206765737072656b6b656e2c2065656e732070657220322077656b656e2e222c22636f6d706f6e656e7473223a5b22496e646976696475656c65206765737072656b6b656e206d657420646520656967656e2068756c707665726c656e6572222c224d6178696d61616c2034206b696e646765737072656b6b656e20646f6f722065656e20616e646572652068756c707665726c656e65722c206d657420746f657374656d6d696e672076616e206465206f7564657273222c224f707374656c6c656e2076616e206465207a6f7267726567656c696e6720286f6e6465726465656c2c206765656e20646f656c29222c225370656c726567656c733a2076617374206b616465722076616e20726567656c7320656e206772656e7a656e2077616172766f6f7220696564657265206f756465722074656b656e74225d2c22676f616c73223a5b5d2c226a6f696e745f73657373696f6e73223a6e756c6c2c226d61785f6a6f696e745f73657373696f6e73223a6e756c6c2c226a6f696e745f6d656574696e675f6d6f6e746873223a5b5d2c226a6f696e745f6d656574696e675f7765656b64617973223a5b5d2c226a6f696e745f6d656574696e67735f6265666f72655f6e6f6f6e223a66616c73652c226a6f696e745f6d656574696e67735f696e5f706572736f6e223a66616c73652c226a6f696e745f6d656574696e67735f6d6f7661626c65223a747275652c226a6f696e745f6d656574696e675f7061757365645f6f6e5f61676772657373696f6e223a66616c73652c226368696c645f636f6e766572736174696f6e735f6f7074696f6e616c223a66616c73652c226368696c645f636f6e766572736174696f6e735f62795f6f746865725f636f756e73656c6c6f72223a747275652c226d696e5f6368696c645f7669736974735f7065725f79656172223a6e756c6c2c22737570657276697365645f636f6e746163745f706f737369626c65223a747275652c226d696e5f70726f66657373696f6e616c5f686f7572735f7065725f79656172223a6e756c6c2c226d61785f70726f66657373696f6e616c5f686f7572735f7065725f79656172223a6e756c6c7d2c22636f756e73656c6c6f72223a2264656d6f2d636f756e73656c6c6f722d61222c22706172656e74616c5f617574686f72697479223a747275652c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3032227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	1
d13ccf74-35bf-5b00-9c32-2254a1700e58	2	services.parent_side.domain.trajectory:Trajectory.GoalsProposed	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3037313735362b30303a3030227d2c22676f616c73223a5b22527573742076696e64656e20696e2068657420656967656e206f756465727363686170222c22436f6e74616374206f766572206465206b696e646572656e20616c6c65656e2076696120646520616667657370726f6b656e206b616e616c656e225d2c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c2264655f657363616c6174696e675f636f6d6d756e69636174696f6e222c226f776e5f67726f756e64225d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3039227d2c2272756c6573223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	2
d13ccf74-35bf-5b00-9c32-2254a1700e58	3	services.parent_side.domain.trajectory:Trajectory.ConsentRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3037363730332b30303a3030227d2c2273636f706573223a5b227472616a6563746f7279222c226368696c645f636f6e766572736174696f6e73225d2c22676976656e5f6279223a5b2253616e6e65206465205672696573225d2c22676976656e5f6f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3039227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	3
d13ccf74-35bf-5b00-9c32-2254a1700e58	4	services.parent_side.domain.trajectory:Trajectory.ProposalAgreed	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3038313439362b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3130227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	4
d13ccf74-35bf-5b00-9c32-2254a1700e58	5	services.parent_side.domain.trajectory:Trajectory.TrajectoryStarted	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3038353237342b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3135227d2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	5
d13ccf74-35bf-5b00-9c32-2254a1700e58	6	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3038373037382b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3136227d2c226475726174696f6e5f6d696e75746573223a36302c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c2264655f657363616c6174696e675f636f6d6d756e69636174696f6e225d2c226e6f7465223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a22445869765357566f7933754e474a3476654e2b64576b634a45746a465250725946316f467170595573704263484c36703945466b485678636d77415a78456c4245487462533365706a714c7379384b6567397a72746e59482f55365736456f3630554c65695056734b722b574933384d59754f577162386d37333035227d7d2c22617474656e646564223a747275652c226d69737365645f726561736f6e223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	6
d13ccf74-35bf-5b00-9c32-2254a1700e58	7	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3039333333322b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30362d3330227d2c226475726174696f6e5f6d696e75746573223a36302c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c2264655f657363616c6174696e675f636f6d6d756e69636174696f6e225d2c226e6f7465223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a226e68454b346f4e6144534471647833316338634f45625178726c6c2f54377755774636426952696342644d6b364456326f34504d4256355a574f7a3634323747714f3758675153464a36744d4f765747306b557763315650664c544a68313731506f4a792f5a4768664c7077497a4d782f4f3553426a7a7a4c326f3d227d7d2c22617474656e646564223a747275652c226d69737365645f726561736f6e223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	7
d13ccf74-35bf-5b00-9c32-2254a1700e58	8	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3039353639362b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30372d3134227d2c226475726174696f6e5f6d696e75746573223a302c227468656d6573223a5b5d2c226e6f7465223a6e756c6c2c22617474656e646564223a66616c73652c226d69737365645f726561736f6e223a227a69656b222c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	8
d13ccf74-35bf-5b00-9c32-2254a1700e58	9	services.parent_side.domain.trajectory:Trajectory.SessionRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3039373333342b30303a3030227d2c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30372d3238227d2c226475726174696f6e5f6d696e75746573223a36302c227468656d6573223a5b22706172616c6c656c5f706172656e74696e67222c2264655f657363616c6174696e675f636f6d6d756e69636174696f6e225d2c226e6f7465223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a226f414f5143626957377534553252354930344241636c76497447653756392b50386e5831676a5836586f36475a6468423371366d64666b7155316430656a786f773536775a61715852383970514556685959416763314b6170575044347571676a5a514b4e574b586742574a7059654a7971566a466a7a70756361644346775a61686b3938673d3d227d7d2c22617474656e646564223a747275652c226d69737365645f726561736f6e223a6e756c6c2c226163746f72223a2264656d6f2d636f756e73656c6c6f722d61227d	9
d13ccf74-35bf-5b00-9c32-2254a1700e58	10	services.parent_side.domain.trajectory:Trajectory.ChildConversationRecorded	\\x7b2274696d657374616d70223a7b225f747970655f223a226461746574696d655f69736f222c225f646174615f223a22323032362d31322d30335431353a34333a30342e3130313735332b30303a3030227d2c226368696c64223a224e6f6f72222c2268656c645f6279223a2264656d6f2d6368696c642d636f756e73656c6c6f72222c226f6e223a7b225f747970655f223a22646174655f69736f222c225f646174615f223a22323032362d30372d3036227d2c2273756d6d617279223a7b225f747970655f223a22707269766174655f74657874222c225f646174615f223a7b2263617365223a223536353233636639643637393534323038356564636633323161623036613834222c2276223a312c226374223a2273666159394976567779614654516b5a4753314e6239392f56442f466f326971316161767245355935587a544c71526b655a4963526947476b354274316d464c6b62314e2f3151514c6c636a384259412f4a5954736476774b6e516d3364426942395a436453354537782f594f4e57614b513d3d227d7d2c226163746f72223a2264656d6f2d6368696c642d636f756e73656c6c6f72227d	10
\.


--
-- Name: parent_a_context_access_log_position_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.parent_a_context_access_log_position_seq', 3, true);


--
-- Name: parent_a_context_checkpoints_number_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.parent_a_context_checkpoints_number_seq', 1, true);


--
-- Name: parent_a_context_events_notification_id_seq; Type: SEQUENCE SET; Schema: release01; Owner: -
--

SELECT pg_catalog.setval('release01.parent_a_context_events_notification_id_seq', 10, true);


--
-- Name: parent_a_context_access_log parent_a_context_access_log_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_access_log
    ADD CONSTRAINT parent_a_context_access_log_pkey PRIMARY KEY ("position");


--
-- Name: parent_a_context_case_keys parent_a_context_case_keys_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_case_keys
    ADD CONSTRAINT parent_a_context_case_keys_pkey PRIMARY KEY (case_id);


--
-- Name: parent_a_context_chain parent_a_context_chain_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_chain
    ADD CONSTRAINT parent_a_context_chain_pkey PRIMARY KEY ("position");


--
-- Name: parent_a_context_checkpoints parent_a_context_checkpoints_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_checkpoints
    ADD CONSTRAINT parent_a_context_checkpoints_pkey PRIMARY KEY (number);


--
-- Name: parent_a_context_events parent_a_context_events_pkey; Type: CONSTRAINT; Schema: release01; Owner: -
--

ALTER TABLE ONLY release01.parent_a_context_events
    ADD CONSTRAINT parent_a_context_events_pkey PRIMARY KEY (originator_id, originator_version);


--
-- Name: parent_a_context_events_notification_id_idx; Type: INDEX; Schema: release01; Owner: -
--

CREATE UNIQUE INDEX parent_a_context_events_notification_id_idx ON release01.parent_a_context_events USING btree (notification_id);


--
-- Name: parent_a_context_access_log parent_a_context_access_log_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER parent_a_context_access_log_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.parent_a_context_access_log FOR EACH STATEMENT EXECUTE FUNCTION release01.parent_a_context_access_log_append_only();


--
-- Name: parent_a_context_chain parent_a_context_chain_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER parent_a_context_chain_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.parent_a_context_chain FOR EACH STATEMENT EXECUTE FUNCTION release01.parent_a_context_chain_append_only();


--
-- Name: parent_a_context_checkpoints parent_a_context_checkpoints_append_only; Type: TRIGGER; Schema: release01; Owner: -
--

CREATE TRIGGER parent_a_context_checkpoints_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON release01.parent_a_context_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION release01.parent_a_context_checkpoints_append_only();


--
-- PostgreSQL database dump complete
--

\unrestrict MBvMfAoU4AT9CvPIv88lcRaU3QldSpZFIRseHGHAXOi3VRldGUT5BMIlBZ7f6QH

