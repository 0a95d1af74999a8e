/* kz-field-row.h
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

#include "kz-record.h"

G_BEGIN_DECLS

typedef struct _KzFieldRow KzFieldRow;

/* Called when the user has finished editing a field: @text is what a
 * person typed (or a canonical value for choices, references and
 * switches), NULL for an emptied field.  Returns FALSE with a
 * translated error to show beside the field. */
typedef gboolean (*KzFieldCommitFunc) (const KzField  *field,
                                       const char     *text,
                                       gpointer        user_data,
                                       GError        **error);

KzFieldRow    *kz_field_row_new          (const KzField     *field,
                                          KzRecord          *record,
                                          GHashTable        *ref_titles,
                                          KzFieldCommitFunc  commit,
                                          gpointer           user_data);
void           kz_field_row_add_to_group (KzFieldRow        *self,
                                          AdwPreferencesGroup *group);
GtkWidget     *kz_field_row_get_widget   (KzFieldRow        *self);
const KzField *kz_field_row_get_field    (KzFieldRow        *self);
void           kz_field_row_set_error    (KzFieldRow        *self,
                                          const char        *message);
void           kz_field_row_update       (KzFieldRow        *self,
                                          KzRecord          *record);
gboolean       kz_field_row_commit       (KzFieldRow        *self);

G_END_DECLS
