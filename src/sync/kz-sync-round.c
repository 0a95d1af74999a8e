/* kz-sync-round.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-sync-client-private.h"
#include "kz-store-sync.h"
#include "kz-store-upload.h"
#include "kz-sync-upload.h"

/* One sync round: status, then push until nothing is pending, then
 * pull until the server has nothing newer, then the open conflicts.
 * Network I/O runs on the main context; applying a pulled page, the
 * one big write, runs in a worker thread. */

/* The largest batch and page the protocol allows: each is one request
 * and one transaction on both sides. */
#define PUSH_BATCH 1000
#define PULL_PAGE  1000

/* A first upload (protocol 2) sends up to 5000 records and links per
 * request, the most the server takes, fewer when their values pass
 * 5 MiB (the server takes bodies of 8). */
#define UPLOAD_BATCH 5000
#define UPLOAD_BYTES (5 * 1024 * 1024)

typedef struct
{
  KzStore     *store;       /* holds the large page cache for the round */
  KzSyncStats  stats;
  GPtrArray   *pending;
  GPtrArray   *upload;        /* the batch the server has */
  GPtrArray   *next_upload;   /* the one read meanwhile, and its JSON */
  char        *next_json;
  gboolean     preparing;     /* reading the next batch in a thread */
  gboolean     answered;      /* the server answered the batch it had */
  gboolean     ended;         /* the task returned: drop late results */
  gint64       pull_since;    /* the cursor of the last page asked for */
  gboolean     fetching;      /* a page is on its way */
  gboolean     applying;      /* a page is being applied */
  gboolean     last_page;     /* the last page has arrived */
  GBytes      *queued;        /* a page waiting for the one being applied */
  int          protocol;
  gint64       server_cursor;
  gint64       start_cursor;
  char        *last_first_id;
} Round;

static void
round_free (Round *round)
{
  g_clear_pointer (&round->pending, g_ptr_array_unref);
  g_clear_pointer (&round->upload, g_ptr_array_unref);
  g_clear_pointer (&round->next_upload, g_ptr_array_unref);
  g_clear_pointer (&round->queued, g_bytes_unref);
  g_free (round->next_json);
  g_free (round->last_first_id);
  if (round->store != NULL)
    {
      kz_store_release_large_cache (round->store);
      g_object_unref (round->store);
    }
  g_free (round);
}

static void push_next (GTask *task);
static void pull_next (GTask *task);

static KzSyncClient *
client_of (GTask *task)
{
  return g_task_get_source_object (task);
}

static void
fail (GTask  *task,
      GError *error)
{
  KzSyncClient *self = client_of (task);
  KzSyncState state = KZ_SYNC_STATE_ERROR;

  if (g_error_matches (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NETWORK))
    state = KZ_SYNC_STATE_OFFLINE;
  else if (g_error_matches (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_UNAUTHORIZED))
    state = KZ_SYNC_STATE_SIGNED_OUT;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    state = KZ_SYNC_STATE_IDLE;

  _kz_sync_client_set_state (self, state, state == KZ_SYNC_STATE_IDLE ? NULL : error);
  _kz_sync_client_set_progress (self, -1);
  _kz_sync_client_refresh_counts (self);
  g_task_return_error (task, error);
}

static void
conflicts_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, &error);

  if (body == NULL ||
      !kz_sync_apply_conflicts (kz_sync_client_get_store (self), body, &round->stats.conflicts, &error))
    {
      fail (task, error);
      return;
    }

  _kz_sync_client_set_state (self, KZ_SYNC_STATE_IDLE, NULL);
  _kz_sync_client_set_progress (self, -1);
  _kz_sync_client_refresh_counts (self);
  g_task_return_boolean (task, TRUE);
}

static void
fetch_conflicts (GTask *task)
{
  _kz_sync_client_request (client_of (task), "GET", "/api/v1/conflicts", NULL,
                           g_task_get_cancellable (task), conflicts_done_cb, task);
}

/* Pulling overlaps the two sides: as soon as a page is parsed (in a
 * thread), the next one is asked for while this one is applied.  Pages
 * are applied one at a time, in order; one that arrives while the last
 * is still being applied waits. */

typedef struct
{
  GTask      *task;       /* the round */
  GBytes     *body;
  KzSyncPage *page;
  gint64      cursor;
  gboolean    more;
  gboolean    noted;      /* page_parsed() ran */
  guint       n_records;
} PageJob;

static void
page_job_free (PageJob *job)
{
  g_clear_object (&job->task);
  g_bytes_unref (job->body);
  kz_sync_page_free (job->page);
  g_free (job);
}

static void
end_pull (GTask  *task,
          GError *error)
{
  Round *round = g_task_get_task_data (task);

  if (round->ended)
    {
      g_clear_error (&error);
      return;
    }

  round->ended = TRUE;
  if (error != NULL)
    fail (task, error);
}

/* The page's cursor is known: ask for the next page, or note that
 * this was the last. */
static void
page_parsed (PageJob *job)
{
  Round *round = g_task_get_task_data (job->task);

  if (job->noted || round->ended)
    return;

  job->noted = TRUE;
  if (!job->more)
    round->last_page = TRUE;
  else
    {
      round->pull_since = job->cursor;
      pull_next (job->task);
    }
}

static gboolean
page_parsed_cb (gpointer data)
{
  page_parsed (g_task_get_task_data (data));
  return G_SOURCE_REMOVE;
}

static void
apply_page_worker (GTask        *job_task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PageJob *job = task_data;
  KzStore *store = kz_sync_client_get_store (source_object);
  GError *error = NULL;

  if (!(job->page = kz_sync_page_parse (job->body, &job->cursor, &job->more, &error)))
    {
      g_task_return_error (job_task, error);
      return;
    }

  g_main_context_invoke_full (g_task_get_context (job_task), G_PRIORITY_DEFAULT, page_parsed_cb,
                              g_object_ref (job_task), g_object_unref);
  if (kz_sync_page_apply (store, job->page, &job->n_records, &error))
    g_task_return_boolean (job_task, TRUE);
  else
    g_task_return_error (job_task, error);
}

static void start_apply (GTask *task, GBytes *body);

static void
page_applied_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  PageJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gint64 cursor, span;

  round->applying = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      end_pull (task, error);
      return;
    }
  if (round->ended)
    return;

  page_parsed (job);
  round->stats.pulled += job->n_records;
  cursor = kz_store_get_sync_cursor (kz_sync_client_get_store (self));
  span = round->server_cursor - round->start_cursor;
  if (span > 0)
    _kz_sync_client_set_progress (self, CLAMP ((double)(cursor - round->start_cursor) / span, 0, 1));

  if (g_task_return_error_if_cancelled (task))
    round->ended = TRUE;
  else if (round->queued != NULL)
    start_apply (task, g_steal_pointer (&round->queued));
  else if (round->last_page && !round->fetching)
    {
      round->ended = TRUE;
      fetch_conflicts (g_object_ref (task));
    }
}

static void
start_apply (GTask  *task,
             GBytes *body)
{
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  g_autoptr(GTask) job_task = NULL;
  PageJob *job = g_new0 (PageJob, 1);

  job->task = g_object_ref (task);
  job->body = body;
  round->applying = TRUE;
  job_task = g_task_new (self, NULL, page_applied_cb, g_object_ref (task));
  g_task_set_task_data (job_task, job, (GDestroyNotify)page_job_free);
  g_task_run_in_thread (job_task, apply_page_worker);
}

static void
pull_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *body = _kz_sync_client_request_finish (self, result, &error);

  round->fetching = FALSE;
  if (body == NULL)
    end_pull (task, error);
  else if (round->ended)
    g_bytes_unref (body);
  else if (round->applying)
    round->queued = body;
  else
    start_apply (task, body);
}

/* Asks for the page after round->pull_since; holds its own reference
 * to the round's task until the answer. */
static void
pull_next (GTask *task)
{
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/api/v1/changes?since=%" G_GINT64_FORMAT "&limit=%d",
                                           round->pull_since, PULL_PAGE);

  round->fetching = TRUE;
  _kz_sync_client_request (self, "GET", path, NULL, g_task_get_cancellable (task),
                           pull_done_cb, g_object_ref (task));
}

/* Takes over the caller's reference to @task. */
static void
start_pull (GTask *task)
{
  Round *round = g_task_get_task_data (task);

  round->pull_since = kz_store_get_sync_cursor (kz_sync_client_get_store (client_of (task)));
  pull_next (task);
  g_object_unref (task);
}

static void
push_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, &error);
  guint applied = 0, refused = 0;

  if (body == NULL ||
      !kz_sync_apply_results (kz_sync_client_get_store (self), round->pending, body,
                              &applied, &refused, &error))
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  round->stats.pushed += applied;
  round->stats.refused += refused;
  _kz_sync_client_refresh_counts (self);

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    push_next (task);
}

static void
push_next (GTask *task)
{
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  g_autofree char *json = NULL;
  GError *error = NULL;
  KzPendingChange *first;

  g_clear_pointer (&round->pending, g_ptr_array_unref);
  round->pending = kz_store_get_pending (kz_sync_client_get_store (self), PUSH_BATCH, &error);
  if (round->pending == NULL)
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  /* Nothing left, or only what this version cannot send: pull. */
  first = round->pending->len ? round->pending->pdata[0] : NULL;
  if (first == NULL || g_strcmp0 (first->change_id, round->last_first_id) == 0)
    {
      start_pull (task);
      return;
    }

  g_free (round->last_first_id);
  round->last_first_id = g_strdup (first->change_id);
  json = kz_sync_encode_push (round->pending);
  _kz_sync_client_request (self, "POST", "/api/v1/changes", json, g_task_get_cancellable (task),
                           push_done_cb, task);
}

static void upload_next (GTask *task);
static void send_upload (GTask *task, char *json);

/* Ends the round with @error (or as cancelled) while the next batch
 * may still be read in a thread. */
static void
upload_fail (GTask  *task,
             GError *error)
{
  Round *round = g_task_get_task_data (task);

  round->ended = TRUE;
  if (error != NULL)
    fail (task, error);
  g_object_unref (task);
}

/* Both the answer to one batch and the reading of the next are in:
 * send the next, or go on with field changes when the plan is done. */
static void
upload_continue (GTask *task)
{
  Round *round = g_task_get_task_data (task);
  char *json;

  if (!round->answered || round->preparing)
    return;

  round->answered = FALSE;
  g_clear_pointer (&round->upload, g_ptr_array_unref);
  round->upload = g_steal_pointer (&round->next_upload);
  json = g_steal_pointer (&round->next_json);

  /* Nothing read after it, or only what was deleted meanwhile: start
   * over from what is left of the plan. */
  if (json == NULL)
    {
      upload_next (task);
      return;
    }

  send_upload (task, json);
}

typedef struct
{
  gint64     after;
  GPtrArray *items;
  char      *json;
} Prepared;

static void
prepared_free (Prepared *prepared)
{
  g_clear_pointer (&prepared->items, g_ptr_array_unref);
  g_free (prepared->json);
  g_free (prepared);
}

static void
prepare_worker (GTask        *job,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Prepared *prepared = task_data;
  GError *error = NULL;

  prepared->items = kz_store_get_upload_after (kz_sync_client_get_store (source_object),
                                               prepared->after, UPLOAD_BATCH, UPLOAD_BYTES, &error);
  if (prepared->items == NULL)
    {
      g_task_return_error (job, error);
      return;
    }

  if (prepared->items->len > 0)
    prepared->json = kz_sync_encode_upload (prepared->items);
  g_task_return_boolean (job, TRUE);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Round *round = g_task_get_task_data (task);
  Prepared *prepared = g_task_get_task_data (G_TASK (result));

  round->preparing = FALSE;
  if (round->ended)
    return;

  /* A batch that could not be read is read again by upload_next(). */
  if (g_task_propagate_boolean (G_TASK (result), NULL))
    {
      round->next_upload = g_steal_pointer (&prepared->items);
      round->next_json = g_steal_pointer (&prepared->json);
    }

  upload_continue (task);
}

/* Reads the batch after the one just sent, while the server works. */
static void
prepare_next (GTask *task)
{
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  g_autoptr(GTask) job = g_task_new (self, NULL, prepared_cb, g_object_ref (task));
  Prepared *prepared = g_new0 (Prepared, 1);

  prepared->after = ((KzUploadItem *)g_ptr_array_index (round->upload, round->upload->len - 1))->seq;
  round->preparing = TRUE;
  g_task_set_task_data (job, prepared, (GDestroyNotify)prepared_free);
  g_task_run_in_thread (job, prepare_worker);
}

static void
upload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, &error);

  if (body == NULL ||
      !kz_sync_apply_upload_results (kz_sync_client_get_store (self), round->upload, body,
                                     &round->stats.pushed, &error))
    {
      upload_fail (task, error);
      return;
    }

  _kz_sync_client_refresh_counts (self);
  if (g_task_return_error_if_cancelled (task))
    {
      upload_fail (task, NULL);
      return;
    }

  round->answered = TRUE;
  upload_continue (task);
}

static void
send_upload (GTask *task,
             char  *json)
{
  KzSyncClient *self = client_of (task);

  _kz_sync_client_request (self, "POST", "/api/v1/records", json, g_task_get_cancellable (task),
                           upload_done_cb, task);
  g_free (json);
  prepare_next (task);
}

/* The first upload of a portfolio, as whole records, before any field
 * changes (which may have been made meanwhile) are pushed. */
static void
upload_next (GTask *task)
{
  KzSyncClient *self = client_of (task);
  KzStore *store = kz_sync_client_get_store (self);
  Round *round = g_task_get_task_data (task);
  char *json = NULL;
  GError *error = NULL;

  for (;;)
    {
      g_clear_pointer (&round->upload, g_ptr_array_unref);
      if (!(round->upload = kz_store_get_upload (store, UPLOAD_BATCH, UPLOAD_BYTES, &error)))
        {
          upload_fail (task, error);
          return;
        }

      if (round->upload->len == 0)
        {
          push_next (task);
          return;
        }

      /* Only records and links deleted meanwhile: nothing to send. */
      if ((json = kz_sync_encode_upload (round->upload)) != NULL)
        break;
      if (!kz_sync_skip_upload (store, round->upload, &error))
        {
          upload_fail (task, error);
          return;
        }
    }

  send_upload (task, json);
}

/* A server that takes whole records gets the planned first upload so;
 * an older one gets it as field changes. */
static void
start_pushing (GTask *task)
{
  KzStore *store = kz_sync_client_get_store (client_of (task));
  Round *round = g_task_get_task_data (task);
  GError *error = NULL;

  if (!kz_store_has_upload (store))
    push_next (task);
  else if (round->protocol >= KZ_SYNC_PROTOCOL_BULK)
    upload_next (task);
  else if (!kz_store_upload_to_changes (store, &error))
    {
      fail (task, error);
      g_object_unref (task);
    }
  else
    push_next (task);
}

static void
status_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  KzSyncClient *self = client_of (task);
  Round *round = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, &error);

  if (body == NULL || !kz_sync_decode_status (body, &round->server_cursor, &error))
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  round->protocol = kz_sync_decode_protocol (body);
  round->start_cursor = kz_store_get_sync_cursor (kz_sync_client_get_store (self));
  start_pushing (task);
}

void
kz_sync_client_sync_async (KzSyncClient        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Round *round;
  GError *error = NULL;

  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_sync_client_sync_async);
  g_task_set_task_data (task, g_new0 (Round, 1), (GDestroyNotify)round_free);

  if (!_kz_sync_client_is_configured (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* From here on, marking a whole portfolio for upload included. */
  round = g_task_get_task_data (task);
  round->store = g_object_ref (kz_sync_client_get_store (self));
  kz_store_hold_large_cache (round->store);

  if (!kz_store_get_sync_enabled (kz_sync_client_get_store (self)) &&
      !kz_store_enable_sync_planned (kz_sync_client_get_store (self), &error))
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  _kz_sync_client_set_state (self, KZ_SYNC_STATE_SYNCING, NULL);
  _kz_sync_client_request (self, "GET", "/api/v1/status", NULL, cancellable, status_done_cb, task);
}

gboolean
kz_sync_client_sync_finish (KzSyncClient  *self,
                            GAsyncResult  *result,
                            KzSyncStats   *stats,
                            GError       **error)
{
  Round *round;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  round = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = round->stats;

  return g_task_propagate_boolean (G_TASK (result), error);
}
