/**
 * Versioned schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records the last one applied. Append new migrations; never edit a released one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'people, projects, status reports, RAID, change requests',
    sql: `
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        email_lower TEXT NOT NULL,
        department TEXT,
        job_title TEXT,
        time_zone TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX people_email ON people(email_lower);

      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        program TEXT NOT NULL,
        department TEXT NOT NULL,
        pm_id TEXT NOT NULL,
        pm_name TEXT NOT NULL,
        pm_email TEXT NOT NULL,
        sponsors_json TEXT NOT NULL,
        delegates_json TEXT NOT NULL,
        phase TEXT NOT NULL,
        state TEXT NOT NULL,
        methodology TEXT NOT NULL,
        start_date TEXT NOT NULL,
        baseline_finish TEXT NOT NULL,
        forecast_finish TEXT NOT NULL,
        budget_baseline REAL NOT NULL,
        budget_approved REAL NOT NULL,
        actual_cost REAL NOT NULL,
        forecast_at_completion REAL NOT NULL,
        percent_complete REAL NOT NULL,
        cadence_weekday INTEGER NOT NULL,
        cadence_time TEXT NOT NULL,
        cadence_time_zone TEXT NOT NULL,
        last_status_week TEXT,
        last_status_at TEXT,
        overall_rag TEXT NOT NULL,
        overall_rank INTEGER NOT NULL,
        schedule_rag TEXT,
        budget_rag TEXT,
        scope_rag TEXT,
        resources_rag TEXT,
        -- derived by the domain at write time, stored so the portfolio can sort and sum on them
        budget_variance REAL NOT NULL,
        schedule_variance_days INTEGER NOT NULL,
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      -- one index per portfolio filter and sort
      CREATE INDEX projects_title ON projects(title);
      CREATE INDEX projects_program ON projects(program, code);
      CREATE INDEX projects_department ON projects(department, code);
      CREATE INDEX projects_pm ON projects(pm_id);
      CREATE INDEX projects_pm_name ON projects(pm_name, code);
      CREATE INDEX projects_phase ON projects(phase, code);
      CREATE INDEX projects_state ON projects(state, code);
      CREATE INDEX projects_overall ON projects(overall_rank, code);
      CREATE INDEX projects_percent ON projects(percent_complete, code);
      CREATE INDEX projects_budget_variance ON projects(budget_variance, code);
      CREATE INDEX projects_schedule_variance ON projects(schedule_variance_days, code);
      CREATE INDEX projects_last_status ON projects(last_status_week, code);
      CREATE INDEX projects_forecast_finish ON projects(forecast_finish, code);

      -- who plays which part on a project, for the sponsor filter, sponsor roll-up and "my projects"
      CREATE TABLE project_people (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('projectManager', 'delegate', 'sponsor')),
        person_name TEXT NOT NULL,
        person_email TEXT NOT NULL,
        PRIMARY KEY (project_id, role, person_id)
      );
      CREATE INDEX project_people_person ON project_people(person_id, role);
      CREATE INDEX project_people_role ON project_people(role, person_id);

      CREATE TABLE status_reports (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id),
        week TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        body_json TEXT NOT NULL,
        version INTEGER NOT NULL,
        UNIQUE (project_id, week)
      );

      CREATE TABLE status_report_revisions (
        report_id TEXT NOT NULL REFERENCES status_reports(id),
        version INTEGER NOT NULL,
        snapshot_json TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        replaced_by_json TEXT NOT NULL,
        PRIMARY KEY (report_id, version)
      );

      CREATE TABLE raid_items (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('risk', 'issue', 'decision')),
        project_id TEXT NOT NULL REFERENCES projects(id),
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        body_json TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX raid_items_project ON raid_items(project_id, kind, created_at);

      CREATE TABLE change_requests (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id),
        state TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        body_json TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX change_requests_project ON change_requests(project_id, requested_at);
      CREATE INDEX change_requests_state ON change_requests(state, requested_at);

      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        change_request_id TEXT NOT NULL REFERENCES change_requests(id),
        at TEXT NOT NULL,
        body_json TEXT NOT NULL
      );
      CREATE INDEX decisions_change_request ON decisions(change_request_id, at);
      -- the audit trail is append-only, whatever code runs against the file
      CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
      CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'phase sorts in lifecycle order',
    sql: `
      ALTER TABLE projects ADD COLUMN phase_rank INTEGER NOT NULL DEFAULT 0;
      -- existing rows; new writes take the rank from the domain's phaseRank()
      UPDATE projects SET phase_rank =
        CASE phase WHEN 'initiation' THEN 0 WHEN 'planning' THEN 1 WHEN 'execution' THEN 2 ELSE 3 END;
      CREATE INDEX projects_phase_rank ON projects(phase_rank, code);
      DROP INDEX projects_phase;
      CREATE INDEX projects_phase ON projects(phase);
    `,
  },
  {
    version: 3,
    name: 'the weekly status cycle: requests, away, conversations with the bot, deliveries',
    sql: `
      ALTER TABLE people ADD COLUMN away_until TEXT;

      CREATE TABLE status_requests (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id),
        week TEXT NOT NULL,
        state TEXT NOT NULL,
        body_json TEXT NOT NULL,
        version INTEGER NOT NULL,
        -- one request per project and week, whoever runs the cycle
        UNIQUE (project_id, week)
      );
      CREATE INDEX status_requests_week ON status_requests(week, state);
      CREATE INDEX status_requests_state ON status_requests(state, week);

      CREATE TABLE conversations (
        key TEXT PRIMARY KEY,
        body_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        recipient_id TEXT NOT NULL,
        body_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX deliveries_state ON deliveries(state, updated_at);
    `,
  },
  {
    version: 4,
    name: 'cross-project reads: the RAG trend by week, RAID items by kind and status',
    sql: `
      -- copied from the report at write time, so the trend reads the index alone, never the JSON bodies
      ALTER TABLE status_reports ADD COLUMN overall_rag TEXT;
      UPDATE status_reports SET overall_rag = json_extract(body_json, '$.rag.overall');
      CREATE INDEX status_reports_week ON status_reports(week, project_id, overall_rag);
      CREATE INDEX raid_items_kind ON raid_items(kind, status, created_at);
    `,
  },
  {
    version: 5,
    name: 'the stakeholder register',
    sql: `
      CREATE TABLE stakeholders (
        id TEXT PRIMARY KEY,
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('project', 'program')),
        scope_id TEXT NOT NULL,
        -- scope, whom and channel (the domain's stakeholderKey): one entry per recipient and channel
        natural_key TEXT NOT NULL UNIQUE,
        body_json TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX stakeholders_scope ON stakeholders(scope_kind, scope_id, id);
    `,
  },
];
