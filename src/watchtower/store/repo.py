"""What the rest of Watchtower asks of the database, as plain functions of a ``Db`` (``watchtower.store.db``).

The daemon runs them through ``Store.write``/``Store.read``; CLI commands call them on their own connection
inside ``immediate(db)``. Each function does one thing the domain names, and lives in the module of its aggregate
(``store/items.py``, ``outbox.py``, ``sources.py``, ``audit.py``, ``meta.py``, ``platform_actions.py``,
``users.py``); this module re-exports them so callers keep writing ``repo.<name>``.
"""

from __future__ import annotations

from watchtower.models import ACTIONS as ACTIONS
from watchtower.store._db import rows as rows
from watchtower.store.audit import audit as audit
from watchtower.store.items import acknowledge as acknowledge
from watchtower.store.items import acknowledged_late_between as acknowledged_late_between
from watchtower.store.items import awaiting_dsl_review as awaiting_dsl_review
from watchtower.store.items import claim_unclassified as claim_unclassified
from watchtower.store.items import done_steps as done_steps
from watchtower.store.items import flagged_between as flagged_between
from watchtower.store.items import flagged_replies_since as flagged_replies_since
from watchtower.store.items import get_item as get_item
from watchtower.store.items import get_items as get_items
from watchtower.store.items import ingest as ingest
from watchtower.store.items import item_as_dict as item_as_dict
from watchtower.store.items import item_by_platform_id as item_by_platform_id
from watchtower.store.items import items_state as items_state
from watchtower.store.items import latest_classification as latest_classification
from watchtower.store.items import newest_own_posts as newest_own_posts
from watchtower.store.items import open_items as open_items
from watchtower.store.items import open_items_detail as open_items_detail
from watchtower.store.items import record_action as record_action
from watchtower.store.items import record_classification as record_classification
from watchtower.store.items import record_step as record_step
from watchtower.store.items import resolve as resolve
from watchtower.store.items import sources_of as sources_of
from watchtower.store.items import unclassified_ids as unclassified_ids
from watchtower.store.items import unflagged_between as unflagged_between
from watchtower.store.meta import get_meta as get_meta
from watchtower.store.meta import set_meta as set_meta
from watchtower.store.outbox import alert_ids_by_keys as alert_ids_by_keys
from watchtower.store.outbox import claim_alerts as claim_alerts
from watchtower.store.outbox import defer_alerts as defer_alerts
from watchtower.store.outbox import enqueue_alert as enqueue_alert
from watchtower.store.outbox import get_alerts as get_alerts
from watchtower.store.outbox import last_batched_send as last_batched_send
from watchtower.store.outbox import mark_failed as mark_failed
from watchtower.store.outbox import mark_retry as mark_retry
from watchtower.store.outbox import mark_sending as mark_sending
from watchtower.store.outbox import mark_sent as mark_sent
from watchtower.store.outbox import mute_alerts as mute_alerts
from watchtower.store.outbox import next_alert_due as next_alert_due
from watchtower.store.outbox import pending_alerts as pending_alerts
from watchtower.store.outbox import release_claims as release_claims
from watchtower.store.outbox import told_about as told_about
from watchtower.store.platform_actions import claim_platform_action as claim_platform_action
from watchtower.store.platform_actions import count_platform_actions as count_platform_actions
from watchtower.store.platform_actions import due_platform_actions as due_platform_actions
from watchtower.store.platform_actions import enqueue_platform_action as enqueue_platform_action
from watchtower.store.platform_actions import finish_platform_action as finish_platform_action
from watchtower.store.platform_actions import get_platform_action as get_platform_action
from watchtower.store.platform_actions import interrupted_platform_actions as interrupted_platform_actions
from watchtower.store.platform_actions import next_platform_action_due as next_platform_action_due
from watchtower.store.platform_actions import platform_actions_for_item as platform_actions_for_item
from watchtower.store.platform_actions import requeue_platform_action as requeue_platform_action
from watchtower.store.platform_actions import retry_platform_action as retry_platform_action
from watchtower.store.rows import ItemRow as ItemRow
from watchtower.store.rows import OpenItem as OpenItem
from watchtower.store.rows import TriageColumns as TriageColumns
from watchtower.store.rows import triage_columns as triage_columns
from watchtower.store.sources import load_cursor as load_cursor
from watchtower.store.sources import record_source_failure as record_source_failure
from watchtower.store.sources import record_source_success as record_source_success
from watchtower.store.sources import save_cursor as save_cursor
from watchtower.store.sources import source_health as source_health
from watchtower.store.users import delete_session as delete_session
from watchtower.store.users import end_user_sessions as end_user_sessions
from watchtower.store.users import insert_session as insert_session
from watchtower.store.users import insert_user as insert_user
from watchtower.store.users import list_users as list_users
from watchtower.store.users import live_session as live_session
from watchtower.store.users import record_failed_login as record_failed_login
from watchtower.store.users import record_good_login as record_good_login
from watchtower.store.users import update_disabled as update_disabled
from watchtower.store.users import update_password as update_password
from watchtower.store.users import user_by_id as user_by_id
from watchtower.store.users import user_by_username as user_by_username
from watchtower.store.users import user_exists as user_exists
