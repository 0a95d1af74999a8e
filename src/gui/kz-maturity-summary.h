/* kz-maturity-summary.h
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
#include "kz-maturity.h"

G_BEGIN_DECLS

#define KZ_TYPE_MATURITY_SUMMARY (kz_maturity_summary_get_type ())

G_DECLARE_FINAL_TYPE (KzMaturitySummary, kz_maturity_summary, KZ, MATURITY_SUMMARY, AdwBin)

/* The overview's maturity section: mean levels of the latest check of
 * each organisation, by umbrella association or by district. */
GtkWidget *kz_maturity_summary_new         (void);
void       kz_maturity_summary_set_context (KzMaturitySummary *self,
                                            KzContext         *context);

/* "Strategy 2.5, Infrastructure 3.0, …" for tooltips and screen readers. */
char      *kz_maturity_summary_describe    (const KzMaturityAverage *average);

G_END_DECLS
