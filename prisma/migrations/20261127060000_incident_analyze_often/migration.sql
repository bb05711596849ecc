-- The lists, the map and the lägesbild read the newest days of incident. By default autovacuum
-- analyzes a table after 10 % of it has changed – for a national table of ten million rows, a
-- million new incidents, months of reports – so the planner's statistics never know the current
-- week: it estimated ~35 incidents in a week that held ~3,000 and chose a bitmap scan and a sort
-- of all of them over reading the list's index in order (docs/scaling.md). Analyzing after a fixed
-- 5,000 changes keeps the newest days known within a minute or two of an import, and within a
-- day or two of ordinary reporting across ~290 municipalities; each analyze samples 30,000 rows
-- whatever the table's size, so its cost does not grow with history.
-- A storage parameter, not part of Prisma's schema: the drift check does not see it.
ALTER TABLE "incident" SET (autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
