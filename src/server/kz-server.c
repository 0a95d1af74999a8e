/* kz-server.c
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
#include <string.h>

#include "kz-server-auth.h"
#include "kz-server-error.h"
#include "kz-server-private.h"

/* What the server notes on each request, for limits and the log. */
typedef struct
{
  gint64   started;    /* monotonic time of the request's headers */
  guint64  received;   /* body bytes so far */
  gboolean counted;    /* in self->in_flight */
} RequestInfo;

G_DEFINE_FINAL_TYPE (KzServer, kz_server, G_TYPE_OBJECT)

static RequestInfo *
get_info (SoupServerMessage *msg)
{
  RequestInfo *info = g_object_get_data (G_OBJECT (msg), "kz-request");

  if (info == NULL)
    {
      info = g_new0 (RequestInfo, 1);
      g_object_set_data_full (G_OBJECT (msg), "kz-request", info, g_free);
    }

  return info;
}

static void
close_after_response (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
}

/* Answers 413 at once; the rest of the body is read but not kept. */
static void
reject_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GError) error = NULL;

  g_set_error (&error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_TOO_LARGE,
               _("A request body may have at most %d MiB."), KZ_SERVER_MAX_BODY >> 20);
  _kz_server_send_error (msg, error);
  close_after_response (msg);
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
}

static void
got_headers_cb (SoupServerMessage *msg,
                KzServer          *self)
{
  RequestInfo *info = get_info (msg);

  info->started = g_get_monotonic_time ();
  info->counted = TRUE;
  self->in_flight++;

  if (self->stopping)
    close_after_response (msg);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              KzServer          *self)
{
  RequestInfo *info = get_info (msg);
  GSocket *socket;

  info->received += g_bytes_get_size (chunk);
  if (info->received <= KZ_SERVER_MAX_BODY)
    return;

  if (soup_server_message_get_status (msg) != SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
    reject_body (msg);

  /* Reading on and on for a client that never stops is not worth it. */
  if (info->received > 4 * (guint64)KZ_SERVER_MAX_BODY &&
      (socket = soup_server_message_get_socket (msg)) != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
}

/* Runs once the headers are in, before the body is read. */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > KZ_SERVER_MAX_BODY)
    reject_body (msg);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    KzServer          *self)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  /* The idle timeout: a connection without traffic for this long is
   * closed, whether it never sent a request or sent half of one. */
  if (socket != NULL)
    g_socket_set_timeout (socket, KZ_SERVER_IDLE_TIMEOUT);

  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
}

static void finish_shutdown (KzServer *self);

static gboolean
finish_shutdown_cb (gpointer data)
{
  finish_shutdown (data);
  return G_SOURCE_REMOVE;
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 KzServer          *self)
{
  RequestInfo *info = g_object_get_data (G_OBJECT (msg), "kz-request");

  if (info == NULL || !info->counted)
    return;

  info->counted = FALSE;
  if (self->access_log != NULL)
    kz_access_log_write (self->access_log, soup_server_message_get_method (msg),
                         g_uri_get_path (soup_server_message_get_uri (msg)),
                         soup_server_message_get_status (msg),
                         g_object_get_data (G_OBJECT (msg), "kz-user"),
                         g_get_monotonic_time () - info->started);

  g_assert (self->in_flight > 0);
  if (--self->in_flight == 0 && self->shutdown_task != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, finish_shutdown_cb, g_object_ref (self), g_object_unref);
}

static void
kz_server_dispose (GObject *object)
{
  KzServer *self = (KzServer *)object;

  g_clear_handle_id (&self->shutdown_timeout_id, g_source_remove);
  self->closed = TRUE;
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  _kz_server_login_clear (self);
  g_clear_object (&self->soup);
  g_clear_object (&self->storage);
  g_clear_object (&self->shutdown_task);
  g_clear_pointer (&self->access_log, kz_access_log_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (kz_server_parent_class)->dispose (object);
}

static void
kz_server_class_init (KzServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kz_server_dispose;
}

static void
kz_server_init (KzServer *self)
{
  self->token_lifetime = (gint64)KZ_SERVER_TOKEN_LIFETIME_DAYS * 24 * 60 * 60;
  self->context = g_main_context_ref_thread_default ();
  self->soup = soup_server_new ("server-header", "kompetenz-server", NULL);

  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, _kz_server_handle, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);

  _kz_server_login_init (self);
}

KzServer *
kz_server_new (KzServerStorage *storage)
{
  KzServer *self;

  g_return_val_if_fail (KZ_IS_SERVER_STORAGE (storage), NULL);

  self = g_object_new (KZ_TYPE_SERVER, NULL);
  self->storage = g_object_ref (storage);
  return self;
}

gboolean
kz_server_set_tls_files (KzServer    *self,
                         const char  *certificate,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(GTlsCertificate) tls = NULL;

  g_return_val_if_fail (KZ_IS_SERVER (self), FALSE);
  g_return_val_if_fail (certificate != NULL && key != NULL, FALSE);

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INTERNAL,
                   _("TLS is not available: the GLib TLS backend (glib-networking) is missing."));
      return FALSE;
    }

  if (!(tls = g_tls_certificate_new_from_files (certificate, key, error)))
    {
      g_prefix_error (error, _("Could not load the TLS certificate “%s” with the key “%s”: "),
                      certificate, key);
      return FALSE;
    }

  soup_server_set_tls_certificate (self->soup, tls);
  self->https = TRUE;
  return TRUE;
}

gboolean
kz_server_set_access_log (KzServer    *self,
                          const char  *path,
                          GError     **error)
{
  KzAccessLog *log;

  g_return_val_if_fail (KZ_IS_SERVER (self), FALSE);

  if (!(log = kz_access_log_open (path, error)))
    return FALSE;

  g_clear_pointer (&self->access_log, kz_access_log_free);
  self->access_log = log;
  return TRUE;
}

gboolean
kz_server_reopen_access_log (KzServer  *self,
                             GError   **error)
{
  g_return_val_if_fail (KZ_IS_SERVER (self), FALSE);

  return self->access_log == NULL || kz_access_log_reopen (self->access_log, error);
}

void
kz_server_set_token_lifetime (KzServer *self,
                              gint64    seconds)
{
  g_return_if_fail (KZ_IS_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->token_lifetime = seconds;
}

static gboolean
split_address (const char  *address,
               char       **host,
               const char **port)
{
  const char *end;

  if (address[0] == '[')
    {
      if (!(end = strchr (address, ']')) || end[1] != ':')
        return FALSE;
      *host = g_strndup (address + 1, end - address - 1);
      *port = end + 2;
      return TRUE;
    }

  if (!(end = strrchr (address, ':')) || memchr (address, ':', end - address) != NULL)
    return FALSE;

  *host = g_strndup (address, end - address);
  *port = end + 1;
  return TRUE;
}

gboolean
kz_server_parse_address (const char          *address,
                         GInetSocketAddress **socket_address,
                         GError             **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;
  const char *port_text;
  guint64 port;

  g_return_val_if_fail (address != NULL, FALSE);

  if (split_address (address, &host, &port_text) &&
      g_ascii_string_to_unsigned (port_text, 10, 0, 65535, &port, NULL))
    inet = g_str_equal (host, "localhost") ? g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4)
                                           : g_inet_address_new_from_string (host);

  if (inet == NULL)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                   _("“%s” is not an address to listen on such as 127.0.0.1:8470, "
                     "0.0.0.0:8470 or [::1]:8470."), address);
      return FALSE;
    }

  *socket_address = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (inet, port));
  return TRUE;
}

static char *
make_url (KzServer           *self,
          GInetSocketAddress *requested)
{
  GSList *listeners = soup_server_get_listeners (self->soup);
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *host = NULL;
  GInetAddress *inet = g_inet_socket_address_get_address (requested);
  gboolean v6 = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6;
  guint port = g_inet_socket_address_get_port (requested);

  if (listeners != NULL && (local = g_socket_get_local_address (listeners->data, NULL)))
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  g_slist_free (listeners);

  host = g_inet_address_to_string (inet);
  return g_strdup_printf ("%s://%s%s%s:%u/", self->https ? "https" : "http",
                          v6 ? "[" : "", host, v6 ? "]" : "", port);
}

gboolean
kz_server_listen (KzServer    *self,
                  const char  *address,
                  GError     **error)
{
  g_autoptr(GInetSocketAddress) socket_address = NULL;

  g_return_val_if_fail (KZ_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->url == NULL, FALSE);

  if (!kz_server_parse_address (address, &socket_address, error) ||
      !soup_server_listen (self->soup, G_SOCKET_ADDRESS (socket_address),
                           self->https ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;

  self->url = make_url (self, socket_address);
  return TRUE;
}

const char *
kz_server_get_url (KzServer *self)
{
  g_return_val_if_fail (KZ_IS_SERVER (self), NULL);

  return self->url;
}

/* Shutdown */

static void
finish_shutdown (KzServer *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->shutdown_task);

  if (task == NULL)
    return;

  g_clear_handle_id (&self->shutdown_timeout_id, g_source_remove);
  self->closed = TRUE;
  if (self->in_flight > 0)
    g_message ("Closing %u unfinished requests", self->in_flight);
  soup_server_disconnect (self->soup);
  g_task_return_boolean (task, TRUE);
}

static gboolean
shutdown_timeout_cb (gpointer data)
{
  KzServer *self = data;

  self->shutdown_timeout_id = 0;
  finish_shutdown (self);
  return G_SOURCE_REMOVE;
}

/* Shut down for reading, a listening socket takes no more connections
 * and its watch in libsoup ends; it is closed with the server. */
static void
stop_listening (KzServer *self)
{
  GSList *listeners = soup_server_get_listeners (self->soup);

  for (const GSList *l = listeners; l != NULL; l = l->next)
    g_socket_shutdown (l->data, TRUE, TRUE, NULL);
  g_slist_free (listeners);
}

void
kz_server_shutdown_async (KzServer            *self,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_SERVER (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, kz_server_shutdown_async);

  if (self->stopping)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->stopping = TRUE;
  self->shutdown_task = g_steal_pointer (&task);
  stop_listening (self);

  if (self->in_flight == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, finish_shutdown_cb, g_object_ref (self), g_object_unref);
  else
    self->shutdown_timeout_id = g_timeout_add_seconds (KZ_SERVER_SHUTDOWN_GRACE,
                                                       shutdown_timeout_cb, self);
}

gboolean
kz_server_shutdown_finish (KzServer      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (KZ_IS_SERVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
