/* kz-sync-json-private.h
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

G_BEGIN_DECLS

/* Reading the server's JSON answers, shared by kz-sync-codec.c and
 * kz-sync-upload.c. */

/* Sets KZ_SYNC_ERROR_PROTOCOL naming @what; returns FALSE. */
gboolean    _kz_sync_protocol_error (GError     **error,
                                     const char  *what);
/* The object at the root of @body, parsed by @parser; NULL with
 * KZ_SYNC_ERROR_PROTOCOL when @body is not one. */
JsonObject *_kz_sync_parse_object   (GBytes      *body,
                                     JsonParser  *parser,
                                     GError     **error);
/* A member of @type, or NULL. */
JsonNode   *_kz_sync_member         (JsonObject  *object,
                                     const char  *name,
                                     GType        type);
const char *_kz_sync_member_string  (JsonObject  *object,
                                     const char  *name);
gboolean    _kz_sync_member_int     (JsonObject  *object,
                                     const char  *name,
                                     gint64      *out);

G_END_DECLS
