/* kz-sync-session.c
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

#define G_LOG_DOMAIN "kz-sync-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kz-format.h"
#include "kz-sync-account.h"
#include "kz-sync-secret.h"
#include "kz-sync-session.h"
#include "kz-thread-task.h"

#define SESSION_KEY "kz-sync-session"

typedef struct
{
  char          *database;
  KzSyncAccount  account;
  GDateTime     *last_sync;
  KzSyncState    last_state;
  GCancellable  *cancellable;    /* of rounds started by kz_sync_session_sync_now() */
  gboolean       manual;
  gboolean       cancelled;
} Session;

/* What a worker thread needs for the keyring; never logged. */
typedef struct
{
  char *url;
  char *user;
  char *token;
} Secret;

static void
session_free (Session *session)
{
  g_cancellable_cancel (session->cancellable);
  g_clear_object (&session->cancellable);
  g_clear_pointer (&session->database, g_free);
  g_clear_pointer (&session->last_sync, g_date_time_unref);
  kz_sync_account_clear (&session->account);
  g_free (session);
}

static void
secret_free (Secret *secret)
{
  g_free (secret->url);
  g_free (secret->user);
  if (secret->token != NULL)
    memset (secret->token, 0, strlen (secret->token));
  g_free (secret->token);
  g_free (secret);
}

static Secret *
secret_new (const char *url,
            const char *user,
            const char *token)
{
  Secret *secret = g_new0 (Secret, 1);

  secret->url = g_strdup (url);
  secret->user = g_strdup (user);
  secret->token = g_strdup (token);
  return secret;
}

static void
save_account (Session *session)
{
  g_autoptr(GError) error = NULL;

  if (!kz_sync_account_save (session->database, &session->account, &error))
    g_message ("Could not save the sync account: %s", error->message);
}

static void
state_changed_cb (KzSyncClient *client,
                  GParamSpec   *pspec,
                  KzContext    *context);

static Session *
get_session (KzContext *context)
{
  Session *session = g_object_get_data (G_OBJECT (context), SESSION_KEY);
  KzSyncClient *client = kz_context_get_sync_client (context);

  if (session != NULL)
    return session;

  session = g_new0 (Session, 1);
  session->database = g_strdup (kz_store_get_path (kz_context_get_store (context)));
  session->cancellable = g_cancellable_new ();
  session->last_state = kz_sync_client_get_state (client);
  g_object_set_data_full (G_OBJECT (context), SESSION_KEY, session, (GDestroyNotify)session_free);
  g_signal_connect_object (client, "notify::state", G_CALLBACK (state_changed_cb), context, 0);
  return session;
}

static void
set_last_sync (Session    *session,
               const char *iso)
{
  g_clear_pointer (&session->last_sync, g_date_time_unref);
  if (iso != NULL)
    session->last_sync = g_date_time_new_from_iso8601 (iso, NULL);
}

/* A round that ends without error is a complete sync. */
static void
state_changed_cb (KzSyncClient *client,
                  GParamSpec   *pspec,
                  KzContext    *context)
{
  Session *session = get_session (context);
  KzSyncState state = kz_sync_client_get_state (client);

  if (state == KZ_SYNC_STATE_IDLE && session->last_state == KZ_SYNC_STATE_SYNCING &&
      !session->cancelled)
    {
      g_free (session->account.last_sync);
      session->account.last_sync = kz_sync_account_now ();
      set_last_sync (session, session->account.last_sync);
      save_account (session);
    }
  if (state != KZ_SYNC_STATE_SYNCING)
    session->cancelled = FALSE;
  session->last_state = state;
}

/* Start */

static void
lookup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Secret *secret = task_data;
  g_autoptr(GError) error = NULL;
  char *token = kz_sync_secret_lookup (secret->url, secret->user, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, token, g_free);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KzContext *context = KZ_CONTEXT (object);
  KzSyncClient *client = kz_context_get_sync_client (context);
  Secret *secret = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_message ("No sync sign-in from the keyring: %s", error->message);

  kz_sync_client_set_account (client, secret->url, secret->user, token);
  if (token != NULL)
    kz_sync_client_set_automatic (client, TRUE);
}

void
kz_sync_session_start (KzContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GTask) task = NULL;
  Session *session;

  g_return_if_fail (KZ_IS_CONTEXT (context));

  session = get_session (context);
  kz_sync_account_clear (&session->account);
  if (!kz_sync_account_load (session->database, &session->account, &error))
    {
      g_message ("Sync stays off: %s", error->message);
      return;
    }
  set_last_sync (session, session->account.last_sync);
  if (session->account.url == NULL || session->account.user == NULL)
    return;

  if ((certificate = kz_sync_account_dup_certificate (&session->account)))
    kz_sync_client_set_trusted_certificate (kz_context_get_sync_client (context), certificate);

  task = g_task_new (context, NULL, lookup_done_cb, NULL);
  g_task_set_source_tag (task, kz_sync_session_start);
  g_task_set_task_data (task, secret_new (session->account.url, session->account.user, NULL),
                        (GDestroyNotify)secret_free);
  kz_thread_task_run (task, lookup_worker);
}

GDateTime *
kz_sync_session_get_last_sync (KzContext *context)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  return get_session (context)->last_sync;
}

char *
kz_sync_session_describe_last_sync (KzContext *context)
{
  GDateTime *last_sync = kz_sync_session_get_last_sync (context);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (last_sync == NULL)
    return NULL;

  local = g_date_time_to_local (last_sync);
  iso = g_date_time_format (local, "%Y-%m-%d");
  date = kz_format_date (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: "Last synced on 23.11.2026 at 14:30" */
  return g_strdup_printf (_("Last synced on %s at %s"), date, time);
}

const char *
kz_sync_session_get_url (KzContext *context)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  return get_session (context)->account.url;
}

const char *
kz_sync_session_get_user (KzContext *context)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);

  return get_session (context)->account.user;
}

/* Signing in */

static void
store_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Secret *secret = task_data;
  g_autoptr(GError) error = NULL;

  /* Signed in either way; without a keyring the sign-in lasts until
   * the app quits. */
  if (!kz_sync_secret_store (secret->url, secret->user, secret->token, NULL, &error))
    g_message ("Could not keep the sync sign-in in the keyring: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KzContext *context = g_task_get_source_object (task);

  kz_sync_client_set_automatic (kz_context_get_sync_client (context), TRUE);
  g_task_return_boolean (task, TRUE);
}

static void
remember_account (Session    *session,
                  const char *url,
                  const char *user)
{
  if (g_strcmp0 (session->account.url, url) != 0 || g_strcmp0 (session->account.user, user) != 0)
    {
      g_clear_pointer (&session->account.last_sync, g_free);
      set_last_sync (session, NULL);
    }
  g_free (session->account.url);
  session->account.url = g_strdup (url);
  g_free (session->account.user);
  session->account.user = g_strdup (user);
  save_account (session);
}

static void
login_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KzContext *context = g_task_get_source_object (task);
  KzSyncClient *client = KZ_SYNC_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = kz_sync_client_login_finish (client, result, &error);
  g_autoptr(GTask) store_task = NULL;
  const char *url = kz_sync_client_get_url (client);
  const char *user = kz_sync_client_get_user (client);

  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  remember_account (get_session (context), url, user);
  store_task = g_task_new (context, NULL, store_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (store_task, login_done_cb);
  g_task_set_task_data (store_task, secret_new (url, user, token), (GDestroyNotify)secret_free);
  kz_thread_task_run (store_task, store_worker);
}

void
kz_sync_session_sign_in_async (KzContext           *context,
                               const char          *url,
                               const char          *user,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_CONTEXT (context));
  g_return_if_fail (url != NULL && user != NULL && password != NULL);

  task = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_sync_session_sign_in_async);
  get_session (context);
  kz_sync_client_login_async (kz_context_get_sync_client (context), url, user, password,
                              cancellable, login_done_cb, g_steal_pointer (&task));
}

gboolean
kz_sync_session_sign_in_finish (KzContext     *context,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Signing out */

static void
clear_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Secret *secret = task_data;
  g_autoptr(GError) error = NULL;

  if (!kz_sync_secret_clear (secret->url, secret->user, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
logout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Secret *secret = g_task_get_task_data (task);

  /* Signed out here whether or not the server could be told. */
  kz_sync_client_logout_finish (KZ_SYNC_CLIENT (object), result, NULL);
  kz_sync_client_set_automatic (KZ_SYNC_CLIENT (object), FALSE);
  if (secret->url == NULL || secret->user == NULL)
    g_task_return_boolean (task, TRUE);
  else
    kz_thread_task_run (task, clear_worker);
}

void
kz_sync_session_sign_out_async (KzContext           *context,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  KzSyncClient *client;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_CONTEXT (context));

  client = kz_context_get_sync_client (context);
  task = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_sync_session_sign_out_async);
  g_task_set_task_data (task, secret_new (kz_sync_client_get_url (client),
                                          kz_sync_client_get_user (client), NULL),
                        (GDestroyNotify)secret_free);
  kz_sync_session_cancel (context);
  kz_sync_client_logout_async (client, NULL, logout_done_cb, g_steal_pointer (&task));
}

gboolean
kz_sync_session_sign_out_finish (KzContext     *context,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
kz_sync_session_trust_certificate (KzContext        *context,
                                   GTlsCertificate  *certificate,
                                   GError          **error)
{
  Session *session;
  char *pem = NULL;

  g_return_val_if_fail (KZ_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), FALSE);

  session = get_session (context);
  g_object_get (certificate, "certificate-pem", &pem, NULL);
  g_free (session->account.trusted_certificate);
  session->account.trusted_certificate = pem;
  kz_sync_client_set_trusted_certificate (kz_context_get_sync_client (context), certificate);

  return kz_sync_account_save (session->database, &session->account, error);
}

/* Rounds */

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KzContext) context = user_data;
  g_autoptr(GError) error = NULL;

  get_session (context)->manual = FALSE;
  if (!kz_sync_client_sync_finish (KZ_SYNC_CLIENT (object), result, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Sync failed: %s", error->message);
}

void
kz_sync_session_sync_now (KzContext *context)
{
  KzSyncClient *client;
  Session *session;

  g_return_if_fail (KZ_IS_CONTEXT (context));

  client = kz_context_get_sync_client (context);
  session = get_session (context);
  if (session->manual || kz_sync_client_get_state (client) == KZ_SYNC_STATE_SYNCING)
    return;

  session->manual = TRUE;
  kz_sync_client_sync_async (client, session->cancellable, sync_done_cb, g_object_ref (context));
}

void
kz_sync_session_cancel (KzContext *context)
{
  Session *session;

  g_return_if_fail (KZ_IS_CONTEXT (context));

  session = get_session (context);
  if (kz_sync_client_get_state (kz_context_get_sync_client (context)) == KZ_SYNC_STATE_SYNCING)
    session->cancelled = TRUE;
  g_cancellable_cancel (session->cancellable);
  g_clear_object (&session->cancellable);
  session->cancellable = g_cancellable_new ();
  kz_sync_client_cancel (kz_context_get_sync_client (context));
}

char *
kz_sync_session_explain_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != KZ_SYNC_ERROR)
    return g_strdup (error->message);

  switch ((KzSyncError)error->code)
    {
    case KZ_SYNC_ERROR_UNAUTHORIZED:
      return g_strdup (_("The user name or the password is wrong."));
    case KZ_SYNC_ERROR_NETWORK:
      return g_strdup (_("The server cannot be reached. Check the address and your connection."));
    case KZ_SYNC_ERROR_TLS:
      return g_strdup (_("The server’s certificate is not trusted."));
    case KZ_SYNC_ERROR_PROTOCOL:
      return g_strdup (_("No Kompetenz server answers at this address."));
    case KZ_SYNC_ERROR_SERVER:
      if (strstr (error->message, "(404)") != NULL || strstr (error->message, "(405)") != NULL)
        return g_strdup (_("No Kompetenz server answers at this address."));
      return g_strdup (error->message);
    case KZ_SYNC_ERROR_FORBIDDEN:
    case KZ_SYNC_ERROR_NOT_CONFIGURED:
    default:
      return g_strdup (error->message);
    }
}
