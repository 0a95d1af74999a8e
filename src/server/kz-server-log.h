/* kz-server-log.h
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

#include <glib.h>

G_BEGIN_DECLS

/* The access log: one line per request with time, method, path (never
 * the query), status, user and duration.  Tokens and passwords never
 * reach it. */

typedef struct _KzAccessLog KzAccessLog;

/* @path "-" is standard output. */
KzAccessLog *kz_access_log_open   (const char   *path,
                                   GError      **error);
void         kz_access_log_free   (KzAccessLog  *self);
/* Opens the file again, after logrotate moved it away. */
gboolean     kz_access_log_reopen (KzAccessLog  *self,
                                   GError      **error);
void         kz_access_log_write  (KzAccessLog  *self,
                                   const char   *method,
                                   const char   *path,
                                   guint         status,
                                   const char   *user,
                                   gint64        duration);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzAccessLog, kz_access_log_free)

G_END_DECLS
