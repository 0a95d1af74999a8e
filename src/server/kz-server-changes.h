/* kz-server-changes.h
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
#include "kz-schema.h"

G_BEGIN_DECLS

/* Reading and checking a pushed batch (POST /api/v1/changes) before
 * anything of it is applied. */

#define KZ_SERVER_MAX_BATCH 1000

typedef struct
{
  char     *change_id;   /* lower case */
  char     *where;       /* "changes[3] (change …)", for messages */

  /* A field change … */
  KzKind    kind;
  char     *uuid;
  char     *field;       /* a field name or "deleted" */
  char     *value;       /* canonical text; NULL for an empty field */
  gint64    base;

  /* … or a link change. */
  gboolean  is_link;
  KzLink    link;
  char     *a;
  char     *b;
  gboolean  deleted;
} KzServerChange;

void       kz_server_change_free      (KzServerChange  *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerChange, kz_server_change_free)

/* The changes of a push body, every value checked and made canonical;
 * KZ_SERVER_ERROR_BAD_REQUEST naming the first offending change. */
GPtrArray *kz_server_changes_parse    (JsonNode        *root,
                                       GError         **error);

/* One scratch record per kind parses the values of a batch, for pushes
 * and uploads alike. */
typedef struct
{
  KzRecord *scratch[KZ_N_KINDS];
} KzServerValueChecker;

void       kz_server_value_checker_clear (KzServerValueChecker *checker);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzServerValueChecker, kz_server_value_checker_clear)

/* The canonical text of @text as @field (not "deleted") of @kind, NULL
 * when empty; KZ_SERVER_ERROR_BAD_REQUEST when it does not fit. */
gboolean   kz_server_value_checker_canonical (KzServerValueChecker  *checker,
                                              KzKind                 kind,
                                              const char            *field,
                                              const char            *text,
                                              char                 **canonical,
                                              GError               **error);

/* Parses @text (NULL or "" for empty) as a value of @field of @kind,
 * "deleted" taking "true" or "false", into its canonical text. */
gboolean   kz_server_canonical_value  (KzKind           kind,
                                       const char      *field,
                                       const char      *text,
                                       char           **canonical,
                                       GError         **error);

G_END_DECLS
