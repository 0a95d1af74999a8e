/* kz-server-login.c
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

#define G_LOG_DOMAIN "kz-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "kz-server-auth.h"
#include "kz-server-error.h"
#include "kz-server-json.h"
#include "kz-server-private.h"

/* POST /api/v1/login.  Checking a password costs about 64 MiB and a
 * noticeable fraction of a second, so it runs in a small thread pool
 * while the request is paused; everything else stays on the main
 * thread, which alone uses the database. */

#define LOGIN_THREADS 2
#define LOGIN_QUEUE   32   /* waiting logins before new ones are turned away */

typedef struct
{
  KzServer          *server;
  SoupServerMessage *msg;
  KzServerUser      *user;       /* NULL for an unknown name */
  char              *name;
  char              *address;
  char              *password;
  gboolean           ok;
  gboolean           gone;       /* the connection ended while waiting */
  gulong             finished_id;
} LoginJob;

static void
login_job_free (LoginJob *job)
{
  g_clear_signal_handler (&job->finished_id, job->msg);
  g_clear_object (&job->msg);
  g_clear_object (&job->server);
  kz_server_user_free (job->user);
  g_free (job->name);
  g_free (job->address);
  if (job->password != NULL)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoginJob, login_job_free)

static void
send_token (LoginJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *expires_text = NULL;
  gint64 expires = 0;

  if (!kz_server_auth_issue_token (job->server->storage, job->user,
                                   job->server->token_lifetime, &token, &expires, &error))
    {
      _kz_server_send_error (job->msg, error);
      return;
    }

  expires_text = kz_server_json_time (expires);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, job->user->name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, kz_role_to_string (job->user->role));
  json_builder_set_member_name (builder, "expires");
  json_builder_add_string_value (builder, expires_text);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _kz_server_send_json (job->msg, SOUP_STATUS_OK, root);
  sodium_memzero (token, strlen (token));
}

static void
send_refusal (LoginJob *job)
{
  g_autoptr(GError) error = NULL;

  g_set_error (&error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_UNAUTHORIZED,
               _("Wrong user name or password."));
  _kz_server_send_error (job->msg, error);
}

/* Back on the main thread. */
static gboolean
login_done_cb (gpointer data)
{
  g_autoptr(LoginJob) job = data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  _kz_server_login_note (job->server, job->name, job->address, now, !job->ok);

  if (job->gone || job->server->closed)
    return G_SOURCE_REMOVE;

  if (job->ok)
    {
      _kz_server_set_user (job->msg, job->user->name);
      send_token (job);
    }
  else
    send_refusal (job);

  soup_server_message_unpause (job->msg);
  return G_SOURCE_REMOVE;
}

static void
login_worker (gpointer data,
              gpointer user_data)
{
  LoginJob *job = data;

  job->ok = kz_server_auth_verify_password (job->user ? job->user->password_hash : NULL,
                                            job->password);
  sodium_memzero (job->password, strlen (job->password));
  g_main_context_invoke (job->server->context, login_done_cb, job);
}

static void
msg_finished_cb (SoupServerMessage *msg,
                 LoginJob          *job)
{
  job->gone = TRUE;
}

static gboolean
read_credentials (SoupServerMessage  *msg,
                  const char        **name,
                  const char        **password,
                  JsonNode          **root,
                  GError            **error)
{
  static const char * const members[] = { "user", "password", NULL };
  JsonObject *object;

  if (!(*root = _kz_server_read_body (msg, error)))
    return FALSE;

  object = json_node_get_object (*root);
  return kz_server_json_check_members (object, members, _("request"), error) &&
         kz_server_json_get_string (object, "user", FALSE, name, _("request"), error) &&
         kz_server_json_get_string (object, "password", FALSE, password, _("request"), error);
}

static gboolean
check_limits (KzServer           *self,
              const char         *name,
              const char         *address,
              SoupServerMessage  *msg,
              GError            **error)
{
  gint64 retry_after = 0;
  g_autofree char *seconds = NULL;

  if (g_thread_pool_unprocessed (self->login_pool) >= LOGIN_QUEUE)
    retry_after = 1;
  else if (_kz_server_login_allowed (self, name, address,
                                     g_get_real_time () / G_USEC_PER_SEC, &retry_after))
    return TRUE;

  seconds = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Retry-After", seconds);
  g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_TOO_MANY_REQUESTS,
               _("Too many failed logins. Try again in %s seconds."), seconds);
  return FALSE;
}

static LoginJob *
prepare_job (KzServer           *self,
             SoupServerMessage  *msg,
             GError            **error)
{
  g_autoptr(LoginJob) job = g_new0 (LoginJob, 1);
  g_autoptr(JsonNode) root = NULL;
  const char *name, *password;
  gboolean ok;

  job->address = g_strdup (soup_server_message_get_remote_host (msg));
  if (!read_credentials (msg, &name, &password, &root, error) ||
      !check_limits (self, name, job->address, msg, error))
    return NULL;

  if (strlen (password) > KZ_SERVER_PASSWORD_MAX_BYTES)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("A password may have at most %d bytes."), KZ_SERVER_PASSWORD_MAX_BYTES);
      return NULL;
    }

  if (!kz_server_storage_begin (self->storage, FALSE, error))
    return NULL;
  ok = kz_server_storage_get_user (self->storage, name, &job->user, error);
  if (!ok || !kz_server_storage_commit (self->storage, error))
    {
      kz_server_storage_rollback (self->storage);
      return NULL;
    }

  job->server = g_object_ref (self);
  job->msg = g_object_ref (msg);
  job->name = g_strdup (name);
  job->password = g_strdup (password);
  return g_steal_pointer (&job);
}

void
_kz_server_login (KzServer          *self,
                  SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;
  LoginJob *job;

  if (!(job = prepare_job (self, msg, &error)))
    {
      _kz_server_send_error (msg, error);
      return;
    }

  job->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (msg_finished_cb), job);
  soup_server_message_pause (msg);
  g_thread_pool_push (self->login_pool, job, NULL);
}

void
_kz_server_login_init (KzServer *self)
{
  self->login_pool = g_thread_pool_new (login_worker, NULL, LOGIN_THREADS, FALSE, NULL);
  self->limiter = kz_login_limiter_new (KZ_SERVER_LOGIN_FAILURES, KZ_SERVER_LOGIN_WINDOW);
}

/* Waits for running password checks; their answers are dropped. */
void
_kz_server_login_clear (KzServer *self)
{
  if (self->login_pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->login_pool), FALSE, TRUE);
  g_clear_pointer (&self->limiter, kz_login_limiter_free);
}
