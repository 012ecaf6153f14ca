-- Reasons a referral did not succeed (administrators can change the list).
INSERT INTO `referral_outcome_reasons` (`id`, `label`, `position`) VALUES
  ('00000000-0000-4000-8000-000000000201', 'Declined by the person', 1),
  ('00000000-0000-4000-8000-000000000202', 'No capacity', 2),
  ('00000000-0000-4000-8000-000000000203', 'Could not contact', 3),
  ('00000000-0000-4000-8000-000000000204', 'Not eligible', 4),
  ('00000000-0000-4000-8000-000000000205', 'Needs met elsewhere', 5);
