/* kz-sync-client.c
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

#define AUTO_INTERVAL_SECONDS 300
#define EDIT_DELAY_SECONDS    3
/* Seconds a request may wait for the server before it fails. */
#define DEFAULT_TIMEOUT       60
/* Below the server's 30 seconds (docs/sync-protocol.md): a connection
 * idle for longer is not reused, since the server may have dropped it
 * and a request sent on it would wait for the whole timeout. */
#define IDLE_TIMEOUT          20

struct _KzSyncClient
{
  GObject          parent_instance;

  KzStore         *store;
  SoupSession     *session;
  GTlsCertificate *trusted;
  char            *url;
  char            *user;
  char            *token;

  KzSyncState      state;
  guint            pending;
  guint            conflicts;
  double           progress;
  char            *last_error;

  gboolean         automatic;
  gboolean         running;
  guint            timer_id;
  guint            soon_id;
  gulong           changed_id;
  gulong           network_id;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (KzSyncClient, kz_sync_client, G_TYPE_OBJECT)

enum { PROP_0, PROP_STATE, PROP_PENDING, PROP_CONFLICTS, PROP_PROGRESS, PROP_LAST_ERROR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void schedule_soon (KzSyncClient *self, guint seconds);

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *peer,
                       GTlsCertificateFlags  errors,
                       KzSyncClient         *self)
{
  return self->trusted != NULL && g_tls_certificate_is_same (peer, self->trusted);
}

static GError *
map_transport_error (GError *error)
{
  GError *mapped;

  if (error->domain == G_TLS_ERROR)
    mapped = g_error_new (KZ_SYNC_ERROR, KZ_SYNC_ERROR_TLS,
                          _("The server’s certificate is not trusted: %s"), error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  else
    mapped = g_error_new (KZ_SYNC_ERROR, KZ_SYNC_ERROR_NETWORK,
                          _("The sync server cannot be reached: %s"), error->message);

  g_error_free (error);
  return mapped;
}

static GError *
status_error (guint   status,
              GBytes *body)
{
  g_autofree char *message = kz_sync_decode_error (body);
  const char *text = message ? message : soup_status_get_phrase (status);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return g_error_new (KZ_SYNC_ERROR, KZ_SYNC_ERROR_UNAUTHORIZED,
                          _("The server did not accept the sign-in: %s"), text);
    case SOUP_STATUS_FORBIDDEN:
      return g_error_new (KZ_SYNC_ERROR, KZ_SYNC_ERROR_FORBIDDEN,
                          _("Your account may read but not change the shared portfolio."));
    default:
      return g_error_new (KZ_SYNC_ERROR, KZ_SYNC_ERROR_SERVER,
                          _("The sync server reported an error (%u): %s"), status, text);
    }
}

static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status;

  if (body == NULL)
    {
      g_task_return_error (task, map_transport_error (error));
      return;
    }

  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    g_task_return_error (task, status_error (status, body));
  else
    g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify)g_bytes_unref);
}

void
_kz_sync_client_request (KzSyncClient        *self,
                         const char          *method,
                         const char          *path,
                         const char          *json,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SoupMessage *msg = soup_message_new (method, uri);

  g_task_set_source_tag (task, _kz_sync_client_request);
  if (msg == NULL)
    {
      g_task_return_new_error (task, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NOT_CONFIGURED,
                               _("“%s” is not a valid server address."), self->url);
      return;
    }

  g_task_set_task_data (task, msg, g_object_unref);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);
  if (self->token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    request_done_cb, g_steal_pointer (&task));
}

GBytes *
_kz_sync_client_request_finish (KzSyncClient  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_kz_sync_client_set_state (KzSyncClient *self,
                           KzSyncState   state,
                           const GError *error)
{
  const char *message = error ? error->message : NULL;

  if (g_strcmp0 (message, self->last_error) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

void
_kz_sync_client_set_progress (KzSyncClient *self,
                              double        progress)
{
  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

void
_kz_sync_client_refresh_counts (KzSyncClient *self)
{
  g_autoptr(GPtrArray) conflicts = kz_store_list_conflicts (self->store, NULL);
  guint pending = kz_store_count_pending (self->store);
  guint n_conflicts = conflicts ? conflicts->len : 0;

  if (pending != self->pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (n_conflicts != self->conflicts)
    {
      self->conflicts = n_conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
}

gboolean
_kz_sync_client_is_configured (KzSyncClient  *self,
                               GError       **error)
{
  if (self->url == NULL)
    {
      g_set_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NOT_CONFIGURED,
                   _("No sync server is set up. Add one in the preferences."));
      return FALSE;
    }
  if (self->token == NULL)
    {
      g_set_error (error, KZ_SYNC_ERROR, KZ_SYNC_ERROR_UNAUTHORIZED,
                   _("You are not signed in to the sync server."));
      return FALSE;
    }

  return TRUE;
}

static void
kz_sync_client_dispose (GObject *object)
{
  KzSyncClient *self = (KzSyncClient *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->soon_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_signal_handler (&self->network_id, g_network_monitor_get_default ());

  G_OBJECT_CLASS (kz_sync_client_parent_class)->dispose (object);
}

static void
kz_sync_client_finalize (GObject *object)
{
  KzSyncClient *self = (KzSyncClient *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->trusted);
  g_clear_object (&self->store);
  g_free (self->url);
  g_free (self->user);
  g_free (self->token);
  g_free (self->last_error);

  G_OBJECT_CLASS (kz_sync_client_parent_class)->finalize (object);
}

static void
kz_sync_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KzSyncClient *self = KZ_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_sync_client_class_init (KzSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kz_sync_client_dispose;
  object_class->finalize = kz_sync_client_finalize;
  object_class->get_property = kz_sync_client_get_property;

  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, KZ_SYNC_STATE_ERROR, 0, flags);
  properties[PROP_PENDING] = g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CONFLICTS] = g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1, 1, -1, flags);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kz_sync_client_init (KzSyncClient *self)
{
  self->session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT, "idle-timeout", IDLE_TIMEOUT,
                                                 "user-agent", "Kompetenz/" PACKAGE_VERSION, NULL);
  self->cancellable = g_cancellable_new ();
  self->progress = -1;
}

KzSyncClient *
kz_sync_client_new (KzStore *store)
{
  KzSyncClient *self;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);

  self = g_object_new (KZ_TYPE_SYNC_CLIENT, NULL);
  self->store = g_object_ref (store);
  _kz_sync_client_refresh_counts (self);
  return self;
}

KzStore *
kz_sync_client_get_store (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), NULL);
  return self->store;
}

KzSyncState
kz_sync_client_get_state (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), 0);
  return self->state;
}

guint
kz_sync_client_get_pending (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), 0);
  return self->pending;
}

guint
kz_sync_client_get_conflicts (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), 0);
  return self->conflicts;
}

const char *
kz_sync_client_get_last_error (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), NULL);
  return self->last_error;
}

const char *
kz_sync_client_get_url (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), NULL);
  return self->url;
}

const char *
kz_sync_client_get_user (KzSyncClient *self)
{
  g_return_val_if_fail (KZ_IS_SYNC_CLIENT (self), NULL);
  return self->user;
}

/* "https://host:8470/" and "https://host:8470" mean the same server. */
static char *
normalise_url (const char *url)
{
  g_autofree char *copy = NULL;

  if (url == NULL || *url == 0)
    return NULL;

  copy = g_strstrip (g_strdup (url));
  while (g_str_has_suffix (copy, "/"))
    copy[strlen (copy) - 1] = 0;

  return g_steal_pointer (&copy);
}

void
kz_sync_client_set_account (KzSyncClient *self,
                            const char   *url,
                            const char   *user,
                            const char   *token)
{
  /* The arguments may be this client's own strings: copy them first. */
  g_autofree char *new_url = normalise_url (url);
  g_autofree char *new_user = g_strdup (user);
  g_autofree char *new_token = g_strdup (token);

  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  g_free (self->url);
  self->url = g_steal_pointer (&new_url);
  g_free (self->user);
  self->user = g_steal_pointer (&new_user);
  g_free (self->token);
  self->token = g_steal_pointer (&new_token);

  /* From now on every local edit is noted for upload, even offline. */
  if (self->url != NULL && !kz_store_get_sync_enabled (self->store))
    {
      g_autoptr(GError) error = NULL;

      if (!kz_store_enable_sync_planned (self->store, &error))
        g_warning ("Could not prepare the portfolio for sync: %s", error->message);
      _kz_sync_client_refresh_counts (self);
    }

  if (self->url == NULL)
    _kz_sync_client_set_state (self, KZ_SYNC_STATE_DISABLED, NULL);
  else if (self->token == NULL)
    _kz_sync_client_set_state (self, KZ_SYNC_STATE_SIGNED_OUT, NULL);
  else
    _kz_sync_client_set_state (self, KZ_SYNC_STATE_IDLE, NULL);

  if (self->automatic && self->token != NULL)
    schedule_soon (self, 0);
}

void
kz_sync_client_set_timeout (KzSyncClient *self,
                            guint         seconds)
{
  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  g_object_set (self->session, "timeout", seconds,
                "idle-timeout", seconds == 0 ? IDLE_TIMEOUT : MIN (seconds, IDLE_TIMEOUT), NULL);
}

void
kz_sync_client_set_trusted_certificate (KzSyncClient    *self,
                                        GTlsCertificate *certificate)
{
  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  g_set_object (&self->trusted, certificate);
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KzSyncClient *self = KZ_SYNC_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, &error);
  g_autofree char *token = NULL;
  const char *user = g_object_get_data (G_OBJECT (task), "user");

  if (body == NULL || !kz_sync_decode_login (body, &token, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  kz_sync_client_set_account (self, self->url, user, token);
  g_task_return_pointer (task, g_steal_pointer (&token), g_free);
}

void
kz_sync_client_login_async (KzSyncClient        *self,
                            const char          *url,
                            const char          *user,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *json = NULL;

  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));
  g_return_if_fail (user != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_sync_client_login_async);
  g_object_set_data_full (G_OBJECT (task), "user", g_strdup (user), g_free);

  g_free (self->url);
  self->url = normalise_url (url);
  g_clear_pointer (&self->token, g_free);
  if (self->url == NULL)
    {
      g_task_return_new_error (task, KZ_SYNC_ERROR, KZ_SYNC_ERROR_NOT_CONFIGURED,
                               _("Enter the address of the sync server."));
      return;
    }

  json = kz_sync_encode_login (user, password);
  _kz_sync_client_request (self, "POST", "/api/v1/login", json, cancellable,
                           login_done_cb, g_steal_pointer (&task));
}

char *
kz_sync_client_login_finish (KzSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
logout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KzSyncClient *self = KZ_SYNC_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, NULL);

  /* Signed out locally whatever the server said: the token is gone here. */
  kz_sync_client_set_account (self, self->url, self->user, NULL);
  g_task_return_boolean (task, TRUE);
}

void
kz_sync_client_logout_async (KzSyncClient        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_sync_client_logout_async);

  if (self->url == NULL || self->token == NULL)
    {
      kz_sync_client_set_account (self, self->url, self->user, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  _kz_sync_client_request (self, "POST", "/api/v1/logout", "{}", cancellable,
                           logout_done_cb, g_steal_pointer (&task));
}

gboolean
kz_sync_client_logout_finish (KzSyncClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
resolve_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KzSyncClient *self = KZ_SYNC_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GBytes) body = _kz_sync_client_request_finish (self, result, &error);

  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The resolution comes back with the next pull, like any edit. */
  if (self->automatic)
    schedule_soon (self, 0);
  g_task_return_boolean (task, TRUE);
}

void
kz_sync_client_resolve_async (KzSyncClient        *self,
                              const char          *id,
                              const char          *value,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *json = NULL;
  GError *error = NULL;

  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_sync_client_resolve_async);
  if (!_kz_sync_client_is_configured (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/conflicts/%s/resolve", escaped);
  json = kz_sync_encode_resolve (value);
  _kz_sync_client_request (self, "POST", path, json, cancellable,
                           resolve_done_cb, g_steal_pointer (&task));
}

gboolean
kz_sync_client_resolve_finish (KzSyncClient  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kz_sync_client_cancel (KzSyncClient *self)
{
  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
auto_sync_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KzSyncClient *self = KZ_SYNC_CLIENT (source);
  KzSyncStats stats = { 0 };
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  if (!kz_sync_client_sync_finish (self, result, &stats, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Automatic sync failed: %s", error->message);
      return;
    }

  /* Edits made while the round ran go out right away. */
  if (kz_store_count_pending (self->store) > 0 && stats.pushed + stats.refused > 0)
    schedule_soon (self, EDIT_DELAY_SECONDS);
}

static gboolean
run_auto_sync (gpointer user_data)
{
  KzSyncClient *self = user_data;

  self->soon_id = 0;
  if (!self->automatic || self->running || !_kz_sync_client_is_configured (self, NULL))
    return G_SOURCE_REMOVE;

  self->running = TRUE;
  kz_sync_client_sync_async (self, self->cancellable, auto_sync_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_soon (KzSyncClient *self,
               guint         seconds)
{
  if (self->soon_id != 0)
    return;

  self->soon_id = seconds == 0 ? g_idle_add (run_auto_sync, self)
                               : g_timeout_add_seconds (seconds, run_auto_sync, self);
}

static gboolean
timer_cb (gpointer user_data)
{
  schedule_soon (user_data, 0);
  return G_SOURCE_CONTINUE;
}

static gboolean
local_change_idle (gpointer user_data)
{
  KzSyncClient *self = user_data;

  _kz_sync_client_refresh_counts (self);
  if (self->automatic && !self->running && self->pending > 0)
    schedule_soon (self, EDIT_DELAY_SECONDS);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (KzStore      *store,
                  guint         kind,
                  const char   *uuid,
                  KzSyncClient *self)
{
  /* May run in a worker thread: hop to the main context. */
  g_main_context_invoke (NULL, local_change_idle, g_object_ref (self));
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    KzSyncClient    *self)
{
  if (available)
    schedule_soon (self, 0);
  else if (self->state != KZ_SYNC_STATE_DISABLED && self->state != KZ_SYNC_STATE_SIGNED_OUT)
    _kz_sync_client_set_state (self, KZ_SYNC_STATE_OFFLINE, NULL);
}

void
kz_sync_client_set_automatic (KzSyncClient *self,
                              gboolean      automatic)
{
  g_return_if_fail (KZ_IS_SYNC_CLIENT (self));

  if (self->automatic == !!automatic)
    return;

  self->automatic = !!automatic;
  if (automatic)
    {
      self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
      self->network_id = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                           G_CALLBACK (network_changed_cb), self);
      self->timer_id = g_timeout_add_seconds (AUTO_INTERVAL_SECONDS, timer_cb, self);
      schedule_soon (self, 0);
    }
  else
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->network_id, g_network_monitor_get_default ());
      g_clear_handle_id (&self->timer_id, g_source_remove);
      g_clear_handle_id (&self->soon_id, g_source_remove);
    }
}
