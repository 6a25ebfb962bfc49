-- A database as Watchtower 0.1 left it (main at 9a1019a: sqlite-utils' _sqlite_migrations, m001..m008),
-- written by conn.iterdump() after two items, a classification, a step, an alert, an acknowledgement,
-- a cursor, a source's health, a meta row and a user. tests/test_store.py upgrades it in place.
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'watchtower','m001_initial','2026-12-01 23:56:19.841469+00:00');
INSERT INTO "_sqlite_migrations" VALUES(2,'watchtower','m002_people_and_reviews','2026-12-01 23:56:19.842264+00:00');
INSERT INTO "_sqlite_migrations" VALUES(3,'watchtower','m003_queue_and_digest_indexes','2026-12-01 23:56:19.842683+00:00');
INSERT INTO "_sqlite_migrations" VALUES(4,'watchtower','m004_possible_concerns_and_decision_records','2026-12-01 23:56:19.843528+00:00');
INSERT INTO "_sqlite_migrations" VALUES(5,'watchtower','m005_inbox_claims','2026-12-01 23:56:19.848373+00:00');
INSERT INTO "_sqlite_migrations" VALUES(6,'watchtower','m006_alert_sending','2026-12-01 23:56:19.848797+00:00');
INSERT INTO "_sqlite_migrations" VALUES(7,'watchtower','m007_alert_muted','2026-12-01 23:56:19.850414+00:00');
INSERT INTO "_sqlite_migrations" VALUES(8,'watchtower','m008_platform_actions','2026-12-01 23:56:19.850851+00:00');
CREATE TABLE acknowledgements (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,               -- dashboard, email-link, cli, email-reply
            note TEXT
        );
INSERT INTO "acknowledgements" VALUES(1,1,'amy@school.example','2026-03-09T10:00:00.000000Z','cli',NULL);
CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,
            note TEXT
        );
CREATE TABLE "alerts" (
            id INTEGER PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,      -- (item, step, person): never sent twice
            kind TEXT NOT NULL,                  -- item, digest, system
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            step TEXT NOT NULL,
            recipient TEXT NOT NULL,
            recipient_name TEXT,
            role TEXT,
            urgent INTEGER NOT NULL DEFAULT 0,
            reason TEXT,
            subject TEXT,                        -- system and digest alerts carry their own text
            body TEXT,
            created_at TEXT NOT NULL,
            not_before TEXT NOT NULL,            -- batching: wait until then
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'muted')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            sent_at TEXT,
            message_id TEXT
        , sending_at TEXT);
INSERT INTO "alerts" VALUES(1,'1:seen:amy@school.example','item',1,'seen','amy@school.example','Amy','moderator',0,NULL,NULL,NULL,'2026-03-09T10:00:00.000000Z','2026-03-09T10:00:00.000000Z','pending',0,'2026-03-09T10:00:00.000000Z',NULL,NULL,NULL,NULL);
CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,                 -- a person, or 'watchtower'
            action TEXT NOT NULL,
            item_id INTEGER,
            channel TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
INSERT INTO "audit" VALUES(1,'2026-03-09T10:00:00.000000Z','amy@school.example','acknowledge',1,'cli','{"first": true, "note": null}');
CREATE TABLE classifications (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            classified_at TEXT NOT NULL,
            categories TEXT NOT NULL,
            severity INTEGER NOT NULL,
            scores TEXT NOT NULL,
            reasons TEXT NOT NULL,
            model_version TEXT NOT NULL
        , possible TEXT, decisions TEXT);
INSERT INTO "classifications" VALUES(1,1,'2026-03-09T10:00:00.000000Z','["query"]',1,'{"query": 0.9}','["rule:test"]','test',NULL,'[{"category": "query", "by": "rule", "name": "test", "score": 1.0, "threshold_key": null, "threshold": null, "tier": "alert", "detail": "query"}]');
CREATE TABLE cursors (
            source_name TEXT PRIMARY KEY,
            cursor TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
INSERT INTO "cursors" VALUES('facebook-page','{"since": "p1"}','2026-03-09T10:00:00.000000Z');
CREATE TABLE escalation_steps (
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (item_id, step)
        );
INSERT INTO "escalation_steps" VALUES(1,'seen','2026-03-09T10:00:00.000000Z','first seen');
CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            platform_id TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('own', 'mention')),
            source_name TEXT NOT NULL,          -- the configured source that first saw it
            own_post INTEGER NOT NULL DEFAULT 0, -- the school's own outgoing post
            url TEXT,
            author_handle TEXT,
            author_name TEXT,
            title TEXT,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,            -- UTC ISO 8601, from the platform
            first_seen_at TEXT NOT NULL,         -- UTC, when Watchtower first stored it
            has_media INTEGER NOT NULL DEFAULT 0,
            parent_id TEXT,
            extra TEXT NOT NULL DEFAULT '{}',
            -- current triage (history in classifications)
            classified_at TEXT,
            categories TEXT,                      -- JSON list
            severity INTEGER,                     -- 0 none .. 3 critical
            deadline_at TEXT,                     -- UTC; NULL = nothing owed
            deadline_reason TEXT,
            -- workflow
            acknowledged_at TEXT,
            acknowledged_by TEXT,
            resolved_at TEXT,
            resolved_by TEXT,
            not_concern INTEGER NOT NULL DEFAULT 0,
            dsl_reviewed_at TEXT,
            dsl_reviewed_by TEXT, possible TEXT, claimed_by TEXT, claimed_at TEXT,
            UNIQUE (platform, platform_id)
        );
INSERT INTO "items" VALUES(1,'facebook','p1','own','facebook-page',0,'https://facebook.example/p1','jo','Jo',NULL,'When is the fair?','2026-03-09T10:00:00.000000Z','2026-03-09T10:00:00.000000Z',0,NULL,'{}','2026-03-09T10:00:00.000000Z','["query"]',1,'2026-03-09T10:00:00.000000Z','test','2026-03-09T10:00:00.000000Z','amy@school.example',NULL,NULL,0,NULL,NULL,NULL,NULL,NULL);
INSERT INTO "items" VALUES(2,'rss','r1','mention','facebook-page',0,'https://news.example/1',NULL,'Local News',NULL,'Oakfield 100% the best school','2026-03-09T10:00:00.000000Z','2026-03-09T10:00:00.000000Z',0,NULL,'{}',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO "meta" VALUES('digest_last','2026-03-09');
CREATE TABLE platform_actions (
            id INTEGER PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            platform TEXT NOT NULL,
            source_name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('hide', 'unhide', 'delete', 'reply', 'ban')),
            target_id TEXT NOT NULL,               -- the platform's id of the comment or post acted on
            params TEXT NOT NULL DEFAULT '{}',     -- JSON: reply text, template used
            plan TEXT NOT NULL,                    -- what was confirmed: the exact call, in words
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            channel TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'done', 'failed', 'dry_run', 'uncertain')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            last_error TEXT,
            result TEXT,                           -- the platform's answer (JSON)
            evidence_sha256 TEXT,
            evidence TEXT                          -- the evidence snapshot (JSON), taken before a delete or ban
        );
CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            comment TEXT,
            item_ids TEXT NOT NULL
        );
CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
CREATE TABLE source_health (
            source_name TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            status TEXT NOT NULL,                -- ok, failing, auth_failed, quota, silent
            last_success_at TEXT,
            last_error_at TEXT,
            last_error TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            items_seen INTEGER NOT NULL DEFAULT 0,
            status_since TEXT
        );
INSERT INTO "source_health" VALUES('facebook-page','facebook','ok','2026-03-09T10:00:00.000000Z',NULL,NULL,0,2,'2026-03-09T10:00:00.000000Z');
CREATE TABLE used_links (nonce TEXT PRIMARY KEY, used_at TEXT NOT NULL);
CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            email TEXT,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            last_login_at TEXT
        );
INSERT INTO "users" VALUES(1,'amy','Amy Clarke','amy@school.example','moderator','$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',0,'2026-03-09T10:00:00.000000Z',0,NULL,NULL);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX items_unclassified ON items (id) WHERE classified_at IS NULL;
CREATE INDEX items_open ON items (severity, deadline_at) WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND deadline_at IS NOT NULL;
CREATE INDEX items_seen ON items (first_seen_at);
CREATE INDEX items_author ON items (author_handle);
CREATE INDEX items_parent ON items (platform, parent_id);
CREATE INDEX classifications_item ON classifications (item_id);
CREATE INDEX actions_item ON actions (item_id);
CREATE INDEX audit_item ON audit (item_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE INDEX items_queue ON items (severity, deadline_at) WHERE severity > 0 AND resolved_at IS NULL;
CREATE INDEX items_flagged_classified ON items (classified_at) WHERE severity > 0;
CREATE INDEX items_review ON items (first_seen_at) WHERE severity > 0 AND dsl_reviewed_at IS NULL;
CREATE INDEX items_acknowledged ON items (acknowledged_at) WHERE acknowledged_at IS NOT NULL;
CREATE INDEX alerts_pending ON alerts (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alerts_item ON alerts (item_id);
CREATE INDEX platform_actions_due ON platform_actions (next_attempt_at) WHERE status = 'pending';
CREATE INDEX platform_actions_item ON platform_actions (item_id);
COMMIT;
