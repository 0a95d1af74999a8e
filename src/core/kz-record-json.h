/* kz-record-json.h
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

#include "kz-record.h"

G_BEGIN_DECLS

/* The stable JSON form of a record, shared by the command line
 * (show --json / add --json), backups and anything else that moves
 * records as text:
 *
 *   { "type": "project", "id": "…uuid…", "created": "2026-11-23T10:00:00Z",
 *     "modified": "…", "deleted": false,
 *     "fields": { "title": "…", "budget_planned": "85000.00", "tags": ["a", "b"] } }
 *
 * Field values are canonical text (see kz_record_dup_text()), lists are
 * arrays of strings, empty fields are left out.  On reading, "id",
 * "created", "modified" and "deleted" are optional and unknown fields
 * are an error naming the field. */

JsonNode *kz_record_to_json   (KzRecord    *record);
char     *kz_record_to_string (KzRecord    *record,
                               gboolean     pretty);
KzRecord *kz_record_from_json (JsonNode    *node,
                               KzKind      *expected_kind,
                               GError     **error);

G_END_DECLS
