/* kz-conflict-row.h
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

#include <adwaita.h>

#include "kz-context.h"
#include "kz-store-sync.h"

G_BEGIN_DECLS

#define KZ_TYPE_CONFLICT_ROW (kz_conflict_row_get_type ())

G_DECLARE_FINAL_TYPE (KzConflictRow, kz_conflict_row, KZ, CONFLICT_ROW, GtkBox)

/* A card for one conflict: the record and field, the base, theirs and
 * mine, and buttons to keep one or enter another value. */
GtkWidget        *kz_conflict_row_new            (KzContext        *context,
                                                  const KzConflict *conflict);
const KzConflict *kz_conflict_row_get_conflict   (KzConflictRow    *self);

/* Display text of a conflict's value: vocabulary labels, German dates
 * and money, titles of referenced records; "Empty" for none. */
char             *kz_conflict_format_value       (KzStore          *store,
                                                  const char       *kind,
                                                  const char       *field,
                                                  const char       *value);
/* "Deleted by ben", "Edited by anna" for the pseudo-field deleted. */
char             *kz_conflict_format_deleted     (const char       *value,
                                                  const char       *author);

G_END_DECLS
