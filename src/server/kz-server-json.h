/* kz-server-json.h
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

/* Strict reading of request bodies: every error is a
 * KZ_SERVER_ERROR_BAD_REQUEST whose message starts with @where (say
 * "changes[3]") and names the offending member. */

/* A UTF-8 JSON text whose root is an object; @length -1 for a
 * nul-terminated one. */
JsonNode *kz_server_json_parse         (const char        *data,
                                        gssize             length,
                                        GError           **error);
/* Fails on a member not in the NULL-terminated @allowed. */
gboolean  kz_server_json_check_members (JsonObject        *object,
                                        const char * const *allowed,
                                        const char        *where,
                                        GError           **error);
/* Required members.  *value is NULL for a JSON null when @nullable. */
gboolean  kz_server_json_get_string    (JsonObject        *object,
                                        const char        *member,
                                        gboolean           nullable,
                                        const char       **value,
                                        const char        *where,
                                        GError           **error);
/* A whole number from 0 up. */
gboolean  kz_server_json_get_count     (JsonObject        *object,
                                        const char        *member,
                                        gint64            *value,
                                        const char        *where,
                                        GError           **error);
gboolean  kz_server_json_get_bool      (JsonObject        *object,
                                        const char        *member,
                                        gboolean          *value,
                                        const char        *where,
                                        GError           **error);
gboolean  kz_server_json_get_array     (JsonObject        *object,
                                        const char        *member,
                                        JsonArray        **value,
                                        const char        *where,
                                        GError           **error);
gboolean  kz_server_json_get_object    (JsonObject        *object,
                                        const char        *member,
                                        JsonObject       **value,
                                        const char        *where,
                                        GError           **error);
/* A valid UUID, returned in lower case. */
char     *kz_server_json_get_uuid      (JsonObject        *object,
                                        const char        *member,
                                        const char        *where,
                                        GError           **error);

char     *kz_server_json_to_data       (JsonNode          *node,
                                        gsize             *length);
/* "2026-12-23T10:00:00Z" for @seconds since the epoch. */
char     *kz_server_json_time          (gint64             seconds);

G_END_DECLS
