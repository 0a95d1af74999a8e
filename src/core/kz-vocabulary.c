/* kz-vocabulary.c
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

#define G_LOG_DOMAIN "kz-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-schema.h"

#define VOCAB(var, vname, tr) \
  const KzVocabulary var = { vname, var##_terms, G_N_ELEMENTS (var##_terms), tr }

static const KzTerm kz_vocab_status_terms[] = {
  { "idea",      N_("Idea") },
  { "planned",   N_("Planned") },
  { "applied",   N_("Funding applied") },
  { "running",   N_("Running") },
  { "completed", N_("Completed") },
  { "paused",    N_("Paused") },
  { "cancelled", N_("Cancelled") },
};
VOCAB (kz_vocab_status, "status", TRUE);

static const KzTerm kz_vocab_health_terms[] = {
  { "on_track",  N_("On track") },
  { "at_risk",   N_("At risk") },
  { "off_track", N_("Off track") },
};
VOCAB (kz_vocab_health, "health", TRUE);

static const KzTerm kz_vocab_focus_area_terms[] = {
  { "social_space",  N_("Community-oriented social work") },
  { "volunteering",  N_("Volunteering and self-help") },
  { "counselling",   N_("Counselling and therapy") },
  { "education",     N_("Qualification and education") },
  { "management",    N_("Management and innovation") },
  { "organisation",  N_("Staff and organisational development") },
};
VOCAB (kz_vocab_focus_area, "focus-area", TRUE);

static const KzTerm kz_vocab_field_of_work_terms[] = {
  { "youth",      N_("Child and youth services") },
  { "elderly",    N_("Elderly care and nursing") },
  { "disability", N_("Disability and inclusion services") },
  { "health",     N_("Health services") },
  { "family",     N_("Family support") },
  { "special",    N_("Help in special social situations") },
  { "selfhelp",   N_("Self-help and volunteer groups") },
};
VOCAB (kz_vocab_field_of_work, "field-of-work", TRUE);

/* Proper names of the six umbrella associations of the BAGFW. */
static const KzTerm kz_vocab_umbrella_terms[] = {
  { "awo",       "Arbeiterwohlfahrt (AWO)" },
  { "caritas",   "Deutscher Caritasverband" },
  { "paritaet",  "Der Paritätische" },
  { "drk",       "Deutsches Rotes Kreuz (DRK)" },
  { "diakonie",  "Diakonie" },
  { "zwst",      "Zentralwohlfahrtsstelle der Juden (ZWST)" },
};
VOCAB (kz_vocab_umbrella, "umbrella", FALSE);

/* Districts of Lower Saxony, keyed by their official AGS code. */
static const KzTerm kz_vocab_district_terms[] = {
  { "03101", "Braunschweig" },
  { "03102", "Salzgitter" },
  { "03103", "Wolfsburg" },
  { "03151", "Gifhorn" },
  { "03153", "Goslar" },
  { "03154", "Helmstedt" },
  { "03155", "Northeim" },
  { "03157", "Peine" },
  { "03158", "Wolfenbüttel" },
  { "03159", "Göttingen" },
  { "03241", "Region Hannover" },
  { "03251", "Diepholz" },
  { "03252", "Hameln-Pyrmont" },
  { "03254", "Hildesheim" },
  { "03255", "Holzminden" },
  { "03256", "Nienburg (Weser)" },
  { "03257", "Schaumburg" },
  { "03351", "Celle" },
  { "03352", "Cuxhaven" },
  { "03353", "Harburg" },
  { "03354", "Lüchow-Dannenberg" },
  { "03355", "Lüneburg" },
  { "03356", "Osterholz" },
  { "03357", "Rotenburg (Wümme)" },
  { "03358", "Heidekreis" },
  { "03359", "Stade" },
  { "03360", "Uelzen" },
  { "03361", "Verden" },
  { "03401", "Delmenhorst" },
  { "03402", "Emden" },
  { "03403", "Oldenburg (Oldb)" },
  { "03404", "Osnabrück (Stadt)" },
  { "03405", "Wilhelmshaven" },
  { "03451", "Ammerland" },
  { "03452", "Aurich" },
  { "03453", "Cloppenburg" },
  { "03454", "Emsland" },
  { "03455", "Friesland" },
  { "03456", "Grafschaft Bentheim" },
  { "03457", "Leer" },
  { "03458", "Oldenburg (Landkreis)" },
  { "03459", "Osnabrück (Landkreis)" },
  { "03460", "Vechta" },
  { "03461", "Wesermarsch" },
  { "03462", "Wittmund" },
};
VOCAB (kz_vocab_district, "district", FALSE);

static const KzTerm kz_vocab_contact_role_terms[] = {
  { "management",      N_("Management") },
  { "it",              N_("IT lead") },
  { "data_protection", N_("Data protection officer") },
  { "digital_officer", N_("Digitalisation officer") },
  { "project_lead",    N_("Project lead") },
  { "works_council",   N_("Staff representative") },
  { "other",           N_("Other") },
};
VOCAB (kz_vocab_contact_role, "contact-role", TRUE);

static const KzTerm kz_vocab_firm_size_terms[] = {
  { "micro",  N_("Micro (under 10 staff)") },
  { "small",  N_("Small (10–49 staff)") },
  { "medium", N_("Medium (50–249 staff)") },
  { "large",  N_("Large (250 staff or more)") },
};
VOCAB (kz_vocab_firm_size, "firm-size", TRUE);

static const KzTerm kz_vocab_cooperation_terms[] = {
  { "pro_bono",     N_("Pro-bono work") },
  { "volunteering", N_("Corporate volunteering") },
  { "mentoring",    N_("Mentoring") },
  { "hospitation",  N_("Hospitation or job swap") },
  { "secondment",   N_("Secondment") },
  { "co_creation",  N_("Co-creation lab") },
  { "pilot",        N_("Start-up pilot") },
  { "joint_funding", N_("Joint funding application") },
};
VOCAB (kz_vocab_cooperation, "cooperation", TRUE);

static const KzTerm kz_vocab_agreement_terms[] = {
  { "in_talks",   N_("In talks") },
  { "draft",      N_("Agreement drafted") },
  { "signed",     N_("Agreement signed") },
  { "ended",      N_("Ended") },
};
VOCAB (kz_vocab_agreement, "agreement", TRUE);

static const KzTerm kz_vocab_training_format_terms[] = {
  { "onsite",      N_("On site") },
  { "online",      N_("Online seminar") },
  { "hybrid",      N_("Hybrid") },
  { "blended",     N_("Blended learning") },
  { "inhouse",     N_("In-house training") },
  { "certificate", N_("Certificate course") },
  { "multiplier",  N_("Train the trainer") },
  { "workshop",    N_("Workshop") },
};
VOCAB (kz_vocab_training_format, "training-format", TRUE);

static const KzTerm kz_vocab_training_status_terms[] = {
  { "planned",   N_("Planned") },
  { "open",      N_("Open for registration") },
  { "full",      N_("Fully booked") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
};
VOCAB (kz_vocab_training_status, "training-status", TRUE);

static const KzTerm kz_vocab_application_status_terms[] = {
  { "draft",     N_("In preparation") },
  { "submitted", N_("Submitted") },
  { "granted",   N_("Granted") },
  { "rejected",  N_("Rejected") },
  { "withdrawn", N_("Withdrawn") },
};
VOCAB (kz_vocab_application_status, "application-status", TRUE);

static const KzVocabulary *all_vocabularies[] = {
  &kz_vocab_status, &kz_vocab_health, &kz_vocab_focus_area,
  &kz_vocab_field_of_work, &kz_vocab_umbrella, &kz_vocab_district,
  &kz_vocab_contact_role, &kz_vocab_firm_size, &kz_vocab_cooperation,
  &kz_vocab_agreement, &kz_vocab_training_format,
  &kz_vocab_training_status, &kz_vocab_application_status,
};

const KzVocabulary *
kz_vocabulary_get (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_vocabularies); i++)
    if (g_str_equal (all_vocabularies[i]->name, name))
      return all_vocabularies[i];

  return NULL;
}

const KzTerm *
kz_vocabulary_lookup (const KzVocabulary *vocab,
                      const char         *id)
{
  g_return_val_if_fail (vocab != NULL, NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < vocab->n_terms; i++)
    if (g_str_equal (vocab->terms[i].id, id))
      return &vocab->terms[i];

  return NULL;
}

/**
 * kz_vocabulary_get_label:
 *
 * Returns: the label of @id in the user's language, or @id itself
 *   when the vocabulary does not know it (data from a newer version).
 */
const char *
kz_vocabulary_get_label (const KzVocabulary *vocab,
                         const char         *id)
{
  const KzTerm *term = kz_vocabulary_lookup (vocab, id);

  if (term == NULL)
    return id;

  return vocab->translate ? g_dgettext (GETTEXT_PACKAGE, term->label) : term->label;
}

/**
 * kz_vocabulary_find_label:
 *
 * Finds a term by its id, its English label or its translated label,
 * ignoring case.  Used where people type or import values.
 */
const KzTerm *
kz_vocabulary_find_label (const KzVocabulary *vocab,
                          const char         *text)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (vocab != NULL, NULL);

  if (text == NULL)
    return NULL;

  wanted = g_utf8_casefold (text, -1);

  for (guint i = 0; i < vocab->n_terms; i++)
    {
      const KzTerm *term = &vocab->terms[i];
      const char *candidates[] = {
        term->id, term->label, kz_vocabulary_get_label (vocab, term->id),
      };

      for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
        {
          g_autofree char *folded = g_utf8_casefold (candidates[j], -1);

          if (g_str_equal (folded, wanted))
            return term;
        }
    }

  return NULL;
}
