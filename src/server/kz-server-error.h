/* kz-server-error.h
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

#define KZ_SERVER_ERROR (kz_server_error_quark ())

/* Errors of the sync server.  The HTTP ones map one to one onto the
 * status codes of docs/sync-protocol.md; the others are for the
 * command line and the storage. */
typedef enum
{
  KZ_SERVER_ERROR_BAD_REQUEST,         /* 400 */
  KZ_SERVER_ERROR_UNAUTHORIZED,        /* 401 */
  KZ_SERVER_ERROR_FORBIDDEN,           /* 403 */
  KZ_SERVER_ERROR_NOT_FOUND,           /* 404 */
  KZ_SERVER_ERROR_METHOD_NOT_ALLOWED,  /* 405 */
  KZ_SERVER_ERROR_CONFLICT,            /* 409 */
  KZ_SERVER_ERROR_TOO_LARGE,           /* 413 */
  KZ_SERVER_ERROR_TOO_MANY_REQUESTS,   /* 429 */
  KZ_SERVER_ERROR_INTERNAL,            /* 500 */
  KZ_SERVER_ERROR_STORAGE,             /* the database failed: 500, exit 3 */
  KZ_SERVER_ERROR_EXISTS,              /* a user of that name exists */
  KZ_SERVER_ERROR_INVALID,             /* a refused value (user name, password) */
} KzServerError;

GQuark      kz_server_error_quark     (void);

/* The HTTP status and the protocol's error code for @error; errors
 * of other domains are internal errors (500). */
guint       kz_server_error_status    (const GError *error);
const char *kz_server_error_code      (const GError *error);

G_END_DECLS
