/* kz-kind-labels.c
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

#define G_LOG_DOMAIN "kz-kind-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-kind-labels.h"

/* Whole phrases per kind, so that translators can inflect the noun
 * (German: "Neuer Träger", "Neue Schulung", "Neues Projekt").
 */
#define LABELS(k, new_title, create, add, del, choose) \
  [k] = { new_title, create, add, del, choose }

static const KzKindLabels labels[KZ_N_KINDS] = {
  LABELS (KZ_KIND_ORGANISATION, N_("New Organisation"), N_("Create Organisation"), N_("Add Organisation"),
          N_("Delete Organisation"), N_("Choose an organisation to add.")),
  LABELS (KZ_KIND_CONTACT, N_("New Contact"), N_("Create Contact"), N_("Add Contact"),
          N_("Delete Contact"), N_("Choose a contact to add.")),
  LABELS (KZ_KIND_ASSESSMENT, N_("New Maturity Check"), N_("Create Maturity Check"), N_("Add Maturity Check"),
          N_("Delete Maturity Check"), N_("Choose a maturity check to add.")),
  LABELS (KZ_KIND_FIRM, N_("New Firm"), N_("Create Firm"), N_("Add Firm"),
          N_("Delete Firm"), N_("Choose a firm to add.")),
  LABELS (KZ_KIND_PROJECT, N_("New Project"), N_("Create Project"), N_("Add Project"),
          N_("Delete Project"), N_("Choose a project to add.")),
  LABELS (KZ_KIND_MILESTONE, N_("New Milestone"), N_("Create Milestone"), N_("Add Milestone"),
          N_("Delete Milestone"), N_("Choose a milestone to add.")),
  LABELS (KZ_KIND_PARTNERSHIP, N_("New Partnership"), N_("Create Partnership"), N_("Add Partnership"),
          N_("Delete Partnership"), N_("Choose a partnership to add.")),
  LABELS (KZ_KIND_TRAINING, N_("New Training"), N_("Create Training"), N_("Add Training"),
          N_("Delete Training"), N_("Choose a training to add.")),
  LABELS (KZ_KIND_SESSION, N_("New Session"), N_("Create Session"), N_("Add Session"),
          N_("Delete Session"), N_("Choose a session to add.")),
  LABELS (KZ_KIND_REGISTRATION, N_("New Registration"), N_("Create Registration"), N_("Add Registration"),
          N_("Delete Registration"), N_("Choose a registration to add.")),
  LABELS (KZ_KIND_PROGRAMME, N_("New Funding Programme"), N_("Create Funding Programme"), N_("Add Funding Programme"),
          N_("Delete Funding Programme"), N_("Choose a funding programme to add.")),
  LABELS (KZ_KIND_DEADLINE, N_("New Call Deadline"), N_("Create Call Deadline"), N_("Add Call Deadline"),
          N_("Delete Call Deadline"), N_("Choose a call deadline to add.")),
  LABELS (KZ_KIND_APPLICATION, N_("New Funding Application"), N_("Create Funding Application"), N_("Add Funding Application"),
          N_("Delete Funding Application"), N_("Choose a funding application to add.")),
  LABELS (KZ_KIND_VISIT, N_("New Site Visit"), N_("Create Site Visit"), N_("Add Site Visit"),
          N_("Delete Site Visit"), N_("Choose a site visit to add.")),
  LABELS (KZ_KIND_TASK, N_("New Follow-up Task"), N_("Create Follow-up Task"), N_("Add Follow-up Task"),
          N_("Delete Follow-up Task"), N_("Choose a follow-up task to add.")),
};

const KzKindLabels *
kz_kind_get_labels (KzKind kind)
{
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  return &labels[kind];
}
