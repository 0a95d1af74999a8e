/* kz-server-private.h
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

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "kz-server-limiter.h"
#include "kz-server-log.h"
#include "kz-server.h"

G_BEGIN_DECLS

struct _KzServer
{
  GObject          parent_instance;

  SoupServer      *soup;
  KzServerStorage *storage;
  KzAccessLog     *access_log;
  KzLoginLimiter  *limiter;
  GThreadPool     *login_pool;
  GMainContext    *context;
  gboolean         https;
  char            *url;
  gint64           token_lifetime;

  guint            in_flight;      /* requests between their headers and their end */
  gboolean         stopping;
  gboolean         closed;         /* connections are gone: paused logins are dropped */
  GTask           *shutdown_task;
  guint            shutdown_timeout_id;
};

/* kz-server-routes.c */
void _kz_server_handle        (SoupServer        *soup,
                               SoupServerMessage *msg,
                               const char        *path,
                               GHashTable        *query,
                               gpointer           user_data);
void _kz_server_send_json     (SoupServerMessage *msg,
                               guint              status,
                               JsonNode          *node);
void _kz_server_send_error    (SoupServerMessage *msg,
                               const GError      *error);
/* The request body as a JSON object, or a 400/413 error. */
JsonNode *_kz_server_read_body (SoupServerMessage *msg,
                                GError           **error);
/* Names the user of @msg in the access log. */
void _kz_server_set_user      (SoupServerMessage *msg,
                               const char        *name);

/* kz-server-login.c */
void _kz_server_login_init    (KzServer          *self);
void _kz_server_login_clear   (KzServer          *self);
void _kz_server_login         (KzServer          *self,
                               SoupServerMessage *msg);

/* kz-server-login-limit.c */
gboolean _kz_server_login_allowed (KzServer          *self,
                                   const char        *user,
                                   const char        *address,
                                   gint64             now,
                                   gint64            *retry_after);
void     _kz_server_login_note    (KzServer          *self,
                                   const char        *user,
                                   const char        *address,
                                   gint64             now,
                                   gboolean           failed);

G_END_DECLS
