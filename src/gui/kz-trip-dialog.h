/* kz-trip-dialog.h
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

G_BEGIN_DECLS

#define KZ_TYPE_TRIP_DIALOG (kz_trip_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KzTripDialog, kz_trip_dialog, KZ, TRIP_DIALOG, AdwWindow)

/* Chooses the organisations of a trip from a searchable list, starting
 * with those in the "trip-organisations" setting.  Signal "chosen"
 * (KzTripDialog *, GStrv uuids) when the user confirms. */
GtkWidget *kz_trip_dialog_new (KzContext *context);

G_END_DECLS
