/* kz-sync-certificate.c
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

#define G_LOG_DOMAIN "kz-sync-certificate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "kz-sync-certificate.h"

typedef struct
{
  SoupSession     *session;
  SoupMessage     *msg;
  GTlsCertificate *peer;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->msg);
  g_clear_object (&data->peer);
  g_free (data);
}

/* Keeps the certificate and refuses it: nothing goes over an untrusted
 * connection. */
static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *peer,
                       GTlsCertificateFlags  errors,
                       FetchData            *data)
{
  g_set_object (&data->peer, peer);
  return FALSE;
}

static void
fetch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  GTlsCertificate *peer = data->peer ? data->peer : soup_message_get_tls_peer_certificate (data->msg);

  if (peer != NULL)
    g_task_return_pointer (task, g_object_ref (peer), g_object_unref);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The server did not present a certificate: %s"),
                             error ? error->message : _("it does not use HTTPS"));
}

void
kz_sync_fetch_certificate_async (const char          *url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *uri = NULL;
  FetchData *data;

  g_return_if_fail (url != NULL);

  g_task_set_source_tag (task, kz_sync_fetch_certificate_async);
  uri = g_strconcat (url, "/api/v1/status", NULL);
  data = g_new0 (FetchData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify)fetch_data_free);
  if (!(data->msg = soup_message_new (SOUP_METHOD_GET, uri)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a valid server address."), url);
      return;
    }

  data->session = soup_session_new_with_options ("timeout", 20, NULL);
  g_signal_connect (data->msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), data);
  soup_session_send_and_read_async (data->session, data->msg, G_PRIORITY_DEFAULT, cancellable,
                                    fetch_done_cb, g_steal_pointer (&task));
}

GTlsCertificate *
kz_sync_fetch_certificate_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
kz_sync_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (text, i == 0 ? "%02X" : ":%02X", digest[i]);

  return g_string_free (text, FALSE);
}
