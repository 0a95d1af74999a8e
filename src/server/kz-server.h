/* kz-server.h
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

#pragma once

#include <gio/gio.h>

#include "kz-server-storage.h"

G_BEGIN_DECLS

/* The HTTP(S) front of the sync server: routing, limits, JSON errors,
 * the access log and a graceful shutdown. */

#define KZ_SERVER_MAX_BODY        (8 * 1024 * 1024)
#define KZ_SERVER_DEFAULT_LISTEN  "127.0.0.1:8470"
#define KZ_SERVER_IDLE_TIMEOUT    30    /* seconds without traffic on a connection */
#define KZ_SERVER_SHUTDOWN_GRACE  10    /* seconds to finish requests on shutdown */
#define KZ_SERVER_LOGIN_FAILURES  10    /* failed logins per user and address … */
#define KZ_SERVER_LOGIN_WINDOW    300   /* … in this many seconds */

#define KZ_TYPE_SERVER (kz_server_get_type ())

G_DECLARE_FINAL_TYPE (KzServer, kz_server, KZ, SERVER, GObject)

KzServer   *kz_server_new                (KzServerStorage      *storage);
gboolean    kz_server_set_tls_files      (KzServer             *self,
                                          const char           *certificate,
                                          const char           *key,
                                          GError              **error);
gboolean    kz_server_set_access_log     (KzServer             *self,
                                          const char           *path,
                                          GError              **error);
gboolean    kz_server_reopen_access_log  (KzServer             *self,
                                          GError              **error);
void        kz_server_set_token_lifetime (KzServer             *self,
                                          gint64                seconds);
/* "HOST:PORT" with an IP address or "localhost" ("[::1]:8470" for
 * IPv6); port 0 picks a free port. */
gboolean    kz_server_parse_address      (const char           *address,
                                          GInetSocketAddress  **socket_address,
                                          GError              **error);
gboolean    kz_server_listen             (KzServer             *self,
                                          const char           *address,
                                          GError              **error);
/* "http://127.0.0.1:8470/" with the real port, once listening. */
const char *kz_server_get_url            (KzServer             *self);

/* Stops accepting connections, lets running requests finish (for
 * KZ_SERVER_SHUTDOWN_GRACE seconds at most) and closes the rest. */
void        kz_server_shutdown_async     (KzServer             *self,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean    kz_server_shutdown_finish    (KzServer             *self,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
