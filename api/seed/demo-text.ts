/**
 * Word lists and sentence templates for the demo data. Kept apart from the generator so the rules there
 * stay readable. ASCII only: V8 keeps such strings at one byte per character, which matters when a large
 * run holds a quarter of a million reports in memory.
 */

export const DEMO_DOMAIN = 'contoso.example';

export const TIME_ZONES: ReadonlyArray<readonly [string, number]> = [
  ['Europe/London', 35],
  ['America/New_York', 25],
  ['Europe/Berlin', 15],
  ['Asia/Singapore', 15],
  ['Australia/Sydney', 10],
];

export const FIRST_NAMES = [
  'Aisha',
  'Akira',
  'Alejandro',
  'Amara',
  'Anders',
  'Ananya',
  'Ben',
  'Bianca',
  'Carlos',
  'Chen',
  'Chloe',
  'Daniel',
  'Deepa',
  'Diego',
  'Elena',
  'Emeka',
  'Emma',
  'Fatima',
  'Felix',
  'Grace',
  'Hamid',
  'Hiro',
  'Ingrid',
  'Isabel',
  'Jack',
  'James',
  'Jana',
  'Jia',
  'Jonas',
  'Kavya',
  'Kwame',
  'Laura',
  'Lena',
  'Lucas',
  'Maya',
  'Mei',
  'Mohammed',
  'Nadia',
  'Nina',
  'Noah',
  'Omar',
  'Oscar',
  'Paula',
  'Priya',
  'Ravi',
  'Rosa',
  'Ruth',
  'Sam',
  'Sara',
  'Sean',
  'Siobhan',
  'Sipho',
  'Sven',
  'Tariq',
  'Tom',
  'Valentina',
  'Victor',
  'Wei',
  'Yara',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Abbott',
  'Adeyemi',
  'Andersson',
  'Baker',
  'Banerjee',
  'Becker',
  'Brennan',
  'Campbell',
  'Castillo',
  'Chowdhury',
  'Clarke',
  'Costa',
  'Dubois',
  'Evans',
  'Fernandes',
  'Fischer',
  'Fitzgerald',
  'Garcia',
  'Gupta',
  'Hansen',
  'Hughes',
  'Ito',
  'Jensen',
  'Johansson',
  'Kaur',
  'Keller',
  'Khan',
  'Kim',
  'Kowalski',
  'Larsen',
  'Lee',
  'Lopez',
  'Martin',
  'Mensah',
  'Meyer',
  'Moreau',
  'Murphy',
  'Nakamura',
  'Nguyen',
  'Novak',
  'Okafor',
  'Olsen',
  'Patel',
  'Pereira',
  'Quinn',
  'Rahman',
  'Reid',
  'Rossi',
  'Santos',
  'Sato',
  'Shah',
  'Silva',
  'Singh',
  'Tanaka',
  'Taylor',
  'Thompson',
  'Varga',
  'Walsh',
  'Wong',
  'Zhang',
] as const;

export const DEPARTMENTS = [
  'IT',
  'Finance',
  'Operations',
  'HR',
  'Marketing',
  'Sales',
  'Legal',
  'Procurement',
] as const;

/** Each program: its code prefix, the department that usually owns it, and what its projects change. */
export const PROGRAMS: ReadonlyArray<{
  name: string;
  prefix: string;
  home: string;
  methodology: ReadonlyArray<readonly ['waterfall' | 'agile' | 'hybrid', number]>;
  objects: readonly string[];
}> = [
  {
    name: 'Digital Workplace',
    prefix: 'DWP',
    home: 'IT',
    methodology: [
      ['hybrid', 5],
      ['agile', 3],
      ['waterfall', 2],
    ],
    objects: [
      'Microsoft 365 Tenant',
      'Intranet',
      'Laptop Fleet',
      'Teams Telephony',
      'Identity and Access Management',
      'Service Desk Portal',
      'Endpoint Management',
      'Collaboration Sites',
      'Meeting Rooms',
      'Email Archiving',
      'File Shares',
      'Mobile Device Management',
    ],
  },
  {
    name: 'Customer Experience',
    prefix: 'CX',
    home: 'Marketing',
    methodology: [
      ['agile', 6],
      ['hybrid', 3],
      ['waterfall', 1],
    ],
    objects: [
      'Customer Portal',
      'Mobile App',
      'Contact Centre Platform',
      'CRM',
      'Loyalty Programme',
      'Returns Process',
      'Live Chat',
      'Customer Feedback Survey',
      'Omnichannel Journey',
      'Website Accessibility',
      'Order Tracking',
      'Appointment Booking',
    ],
  },
  {
    name: 'Finance Transformation',
    prefix: 'FIN',
    home: 'Finance',
    methodology: [
      ['waterfall', 5],
      ['hybrid', 4],
      ['agile', 1],
    ],
    objects: [
      'General Ledger',
      'Accounts Payable',
      'Expense Management',
      'Treasury Platform',
      'Month-End Close',
      'Procure-to-Pay',
      'Budget Planning',
      'Invoice Processing',
      'Revenue Recognition',
      'Fixed Asset Register',
      'Payroll',
      'Cash Forecasting',
    ],
  },
  {
    name: 'Regulatory Compliance',
    prefix: 'REG',
    home: 'Legal',
    methodology: [
      ['waterfall', 6],
      ['hybrid', 3],
      ['agile', 1],
    ],
    objects: [
      'GDPR Data Retention',
      'SOX Controls',
      'Anti-Money Laundering Checks',
      'Records Management',
      'Vendor Risk Assessments',
      'Accessibility Compliance',
      'ESG Reporting',
      'Policy Attestation',
      'Audit Trail',
      'Cyber Resilience Controls',
      'Sanctions Screening',
      'Consent Management',
    ],
  },
  {
    name: 'Data & Analytics',
    prefix: 'DNA',
    home: 'IT',
    methodology: [
      ['agile', 5],
      ['hybrid', 4],
      ['waterfall', 1],
    ],
    objects: [
      'Data Warehouse',
      'Customer 360 Data Model',
      'Sales Dashboards',
      'Master Data',
      'Data Catalogue',
      'Demand Forecasting Models',
      'Power BI Estate',
      'Data Quality Rules',
      'Lakehouse Platform',
      'Self-Service Analytics',
      'Reporting Pipelines',
      'Pricing Analytics',
    ],
  },
  {
    name: 'Operational Excellence',
    prefix: 'OPX',
    home: 'Operations',
    methodology: [
      ['hybrid', 4],
      ['waterfall', 4],
      ['agile', 2],
    ],
    objects: [
      'Warehouse Management',
      'Field Service Scheduling',
      'Fleet Telematics',
      'Supplier Portal',
      'Inventory Planning',
      'Quality Inspections',
      'Facilities Booking',
      'Shift Rostering',
      'Spare Parts Catalogue',
      'Health and Safety Reporting',
    ],
  },
  {
    name: 'People & Culture',
    prefix: 'PPL',
    home: 'HR',
    methodology: [
      ['hybrid', 4],
      ['agile', 3],
      ['waterfall', 3],
    ],
    objects: [
      'Recruitment Platform',
      'Learning Portal',
      'Performance Reviews',
      'Employee Onboarding',
      'HR Case Management',
      'Benefits Enrolment',
      'Workforce Planning',
      'Employee Engagement Survey',
      'Time and Attendance',
      'Succession Planning',
    ],
  },
];

export const VERBS = [
  'Migrate',
  'Modernise',
  'Consolidate',
  'Automate',
  'Replace',
  'Roll Out',
  'Upgrade',
  'Redesign',
  'Implement',
  'Standardise',
  'Retire Legacy',
  'Pilot',
  'Integrate',
  'Optimise',
  'Rebuild',
  'Harmonise',
] as const;

export const QUALIFIERS: ReadonlyArray<readonly [string, number]> = [
  ['', 10],
  [' - Phase 2', 2],
  [' - Phase 3', 1],
  [' for EMEA', 2],
  [' for APAC', 2],
  [' for North America', 2],
  [' (Wave 1)', 1],
  [' (Wave 2)', 1],
  [' for Retail Stores', 1],
  [' for Head Office', 1],
  [' for Contractors', 1],
];

export const REGIONS = [
  'EMEA',
  'APAC',
  'North America',
  'the UK',
  'the Nordics',
  'DACH',
  'Australia and NZ',
] as const;

export const BENEFITS = [
  'Expected benefits: lower run costs and fewer manual hand-offs.',
  'Expected benefits: faster service for customers and one version of the truth.',
  'Expected benefits: retire two legacy systems and their support contracts.',
  'Expected benefits: reduced audit findings and clearer accountability.',
  'Expected benefits: self-service for staff and fewer tickets to the service desk.',
  'Expected benefits: better decisions from timely, trusted data.',
  'Expected benefits: a simpler process that new starters learn in a day.',
] as const;

export const VENDORS = [
  'Fabrikam',
  'Northwind Traders',
  'Adventure Works',
  'Tailspin Toys',
  'Wide World Importers',
  'Woodgrove Bank',
  'Proseware',
  'Litware',
  'Lucerne Publishing',
  'Alpine Ski House',
  'Trey Research',
  'Coho Winery',
] as const;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const JOB_TITLES = {
  projectManager: [
    ['Project Manager', 6],
    ['Senior Project Manager', 3],
    ['Programme Manager', 1],
    ['Delivery Lead', 1],
  ] as ReadonlyArray<readonly [string, number]>,
  delegate: ['Project Coordinator', 'Business Analyst', 'Scrum Master', 'Project Analyst', 'Workstream Lead'],
  /** Senior titles per department; later sponsors in a department get the generic director title. */
  sponsor: {
    IT: ['Chief Information Officer', 'Director of IT Operations', 'Head of Enterprise Architecture'],
    Finance: ['Chief Financial Officer', 'Group Financial Controller', 'Director of Financial Planning'],
    Operations: ['Chief Operating Officer', 'Director of Supply Chain', 'Head of Facilities'],
    HR: ['Chief People Officer', 'Director of Talent', 'Head of HR Operations'],
    Marketing: ['Chief Marketing Officer', 'Director of Customer Experience', 'Head of Digital'],
    Sales: ['Chief Commercial Officer', 'Director of Sales Operations', 'Head of Key Accounts'],
    Legal: ['General Counsel', 'Chief Compliance Officer', 'Head of Risk'],
    Procurement: ['Chief Procurement Officer', 'Director of Sourcing', 'Head of Vendor Management'],
  } as Record<string, readonly string[]>,
};

/** Templates: `{object}`, `{vendor}`, `{region}`, `{n}`, `{m}`, `{month}`, `{sprint}` are filled in. */
export const ACCOMPLISHMENTS = [
  'Completed user acceptance testing for the {object} pilot group.',
  'Steering group signed off the {object} design.',
  'Moved {n} users onto the new {object}.',
  'Closed {n} of {m} defects raised in system testing.',
  'Ran the cut-over rehearsal; timings came in within plan.',
  'Onboarded {vendor} and agreed the statement of work.',
  'Published training materials and ran two floor-walker sessions.',
  'Agreed the data mapping for {object} with the business owners.',
  'Security review passed with two minor actions.',
  'Completed the {region} readiness assessment.',
  'Finished integration testing with the finance system.',
  'Held the lessons-learned session for the last release.',
  'Business case refresh approved by the portfolio board.',
  'Configured the {object} test environment and loaded sample data.',
  'Recruited the remaining two developers for the team.',
  'Change impact assessment shared with all affected teams.',
  'Completed the supplier due-diligence questionnaire for {vendor}.',
  'Go-live checklist reviewed with operations and service desk.',
] as const;

export const AGILE_ACCOMPLISHMENTS = [
  'Sprint {sprint} demo delivered; {n} of {m} stories accepted.',
  'Backlog refined with the product owner for the next two sprints.',
  'Released increment {sprint} of the {object} to the pilot users.',
] as const;

export const NEXT_STEPS = [
  'Start system integration testing with {vendor}.',
  'Prepare the go/no-go pack for the steering group.',
  'Run the second round of user acceptance testing in {region}.',
  'Finalise the cut-over plan and the rollback criteria.',
  'Complete data migration trial {n}.',
  'Brief the service desk and publish the support model.',
  'Agree the training schedule with the regional leads.',
  'Close the remaining {n} high-priority defects.',
  'Confirm the hypercare rota for the first four weeks after go-live.',
  'Review the benefits tracker with the sponsor.',
  'Decommission the legacy {object} interfaces.',
  'Finalise the {month} release scope.',
] as const;

export const AGILE_NEXT_STEPS = [
  'Plan sprint {sprint} and confirm team capacity.',
  'Demo the {object} prototype to the stakeholder group.',
] as const;

export const RISKS_BY_LEVEL: readonly [readonly string[], readonly string[], readonly string[]] = [
  [
    'No new risks this week.',
    'Watching supplier capacity over the holiday period.',
    'Minor: two key users on leave in {month}; cover agreed.',
    'Licence renewal with {vendor} due in {month}; on track.',
  ],
  [
    'Key subject-matter experts only available two days a week until {month}; backfill requested.',
    '{vendor} delivery of the test environment slipped by a week.',
    'Data quality in the legacy {object} is worse than assumed; cleansing effort under review.',
    'Integration defects are taking longer to fix than planned.',
    'Budget pressure from higher contractor day rates.',
  ],
  [
    'Critical path blocked: {vendor} has not delivered the test environment; go-live at risk by {n} weeks.',
    'Cost to date is running well ahead of plan; forecast overrun without corrective action.',
    'Lead architect has resigned; knowledge transfer incomplete.',
    'Regulator feedback requires rework of the {object} controls.',
    'Data migration trial failed reconciliation; root cause not yet known.',
  ],
];

export const DECISIONS_BY_LEVEL: readonly [readonly string[], readonly string[], readonly string[]] = [
  ['None this week.', 'None this week.', 'None.', 'Steering group to note the updated benefits profile.'],
  [
    'Sponsor to confirm whether the {region} rollout can move to {month}.',
    'Approval to extend the business analyst contract by six weeks.',
    'Agree which reports can be descoped from the first release.',
    'None this week.',
  ],
  [
    'Sponsor to approve a contingency drawdown to cover the {vendor} overrun.',
    'Steering group to decide between a later go-live and a reduced scope.',
    'Need a decision on escalating the {vendor} delays under the contract.',
    'Approve two extra developers for the next {n} weeks.',
  ],
];

/** Why a PM reports an overall health better than the worst dimension (the watermelon guard wants one). */
export const OVERRIDE_REASONS: Record<'schedule' | 'budget' | 'scope' | 'resources', readonly string[]> = {
  schedule: [
    'Only one workstream is slipping; the go-live date holds using the contingency in the plan.',
    'The late milestone is a documentation deliverable off the critical path.',
  ],
  budget: [
    'The overspend is the licence prepayment agreed with Finance; it is recovered over two quarters.',
    'Cost is ahead of plan because hardware was bought early at a discount; the total forecast is unchanged.',
  ],
  scope: [
    'The scope change is already raised as a change request and the sponsor has agreed it in principle.',
    'Scope is flagged for one deferred report that the business has agreed to pick up in phase 2.',
  ],
  resources: [
    'Two developers are on leave; a contractor starts next week and sprint commitments are unchanged.',
    'The vacancy is covered by the vendor team until the new hire starts.',
  ],
};

export const PAUSED_NOTE =
  "Project paused at the sponsor's request pending the budget review; team released to other work.";
export const PAUSED_DECISION = 'Sponsor to confirm whether the project resumes after the budget review.';
export const CLOSED_NOTE =
  'Project closed: handover to the service owners complete and lessons learned captured.';
export const CLOSED_NEXT = 'Benefits tracking continues with the business owner; no further status reports.';

export const RISKS: ReadonlyArray<{ title: string; description: string; mitigation: string }> = [
  {
    title: 'Supplier delivery slips',
    description: '{vendor} has missed two interim milestones on similar work.',
    mitigation: 'Weekly delivery review with {vendor}; penalty clause agreed in the contract.',
  },
  {
    title: 'Key people unavailable',
    description: 'The subject-matter experts for {object} are also needed for year-end.',
    mitigation: 'Book SME time a quarter ahead; backfill agreed with the line managers.',
  },
  {
    title: 'Legacy data quality',
    description: 'Legacy {object} records have duplicates and missing fields.',
    mitigation: 'Run a cleansing sprint before the first migration trial.',
  },
  {
    title: 'User adoption lower than planned',
    description: 'Users may keep working around the new {object}.',
    mitigation: 'Change champions in each team; usage dashboard reviewed monthly.',
  },
  {
    title: 'Integration complexity underestimated',
    description: 'The number of interfaces to {object} is still growing.',
    mitigation: 'Freeze the interface list at design sign-off; time-box spikes.',
  },
  {
    title: 'Security approval delayed',
    description: 'The security review board meets monthly and has a backlog.',
    mitigation: 'Book the slot early and pre-review with the security architect.',
  },
  {
    title: 'Currency exposure on licence costs',
    description: 'Licences are priced in USD while the budget is held locally.',
    mitigation: 'Treasury to hedge the committed spend.',
  },
  {
    title: 'Regulatory change during delivery',
    description: 'New guidance may change the {object} requirements.',
    mitigation: 'Monthly check-in with Legal; keep requirements traceable.',
  },
  {
    title: 'Go-live clashes with peak trading',
    description: 'The planned go-live is close to the busiest sales period.',
    mitigation: 'Agree a change freeze window and a fallback date.',
  },
  {
    title: 'Contractor rates increase',
    description: 'Market day rates for {object} specialists are rising.',
    mitigation: 'Fixed-price work packages where possible.',
  },
];

export const ISSUES: ReadonlyArray<{ title: string; description: string; resolution: string }> = [
  {
    title: 'Test environment unavailable',
    description: 'The shared test environment has been down for three days.',
    resolution: 'Infrastructure team restored it and added monitoring.',
  },
  {
    title: 'Defect backlog growing',
    description: 'Open defects rose from 20 to 45 during system testing.',
    resolution: 'Added a defect triage call and two testers.',
  },
  {
    title: 'Purchase order not raised',
    description: 'Work with {vendor} cannot start until the purchase order is approved.',
    resolution: 'Procurement fast-tracked the order.',
  },
  {
    title: 'Interface specification disputed',
    description: '{vendor} and the internal team disagree on the {object} interface contract.',
    resolution: 'Architect ruled on the contract; spec version 2 signed off.',
  },
  {
    title: 'Training venue cancelled',
    description: 'The {region} training venue is no longer available.',
    resolution: 'Moved the sessions online.',
  },
  {
    title: 'Missing access for the vendor team',
    description: 'Vendor engineers still lack accounts in the development tenant.',
    resolution: 'Guest accounts issued with the standard conditional access policy.',
  },
  {
    title: 'Data migration reconciliation gap',
    description: 'Record counts differ between the source and target {object}.',
    resolution: 'Root cause was a filter on archived records; rerun reconciled.',
  },
];

export const DECISION_LOG: ReadonlyArray<{ title: string; description: string; rationale: string }> = [
  {
    title: 'Adopt a phased rollout by region',
    description: 'Roll out to {region} first, then the remaining regions.',
    rationale: 'Limits the blast radius and lets the support model mature.',
  },
  {
    title: "Use the vendor's standard data model",
    description: 'Configure rather than customise the {object} data model.',
    rationale: 'Lower upgrade cost; the gaps are covered by reports.',
  },
  {
    title: 'Defer the analytics module to phase 2',
    description: 'The analytics module moves out of the first release.',
    rationale: 'Keeps the go-live date; the business can wait one quarter.',
  },
  {
    title: 'Keep the legacy system read-only for a year',
    description: 'The legacy {object} stays available, read-only, for audit.',
    rationale: 'Cheaper than migrating seven years of history.',
  },
  {
    title: 'Select {vendor} as implementation partner',
    description: 'Outcome of the partner selection.',
    rationale: 'Best score on capability and price in the evaluation.',
  },
  {
    title: 'Single sign-on for all users',
    description: 'All access to {object} goes through Entra ID single sign-on.',
    rationale: 'Security baseline and fewer password resets.',
  },
];

export const CHANGE_REQUESTS: ReadonlyArray<{
  title: string;
  description: string;
  scopeChange: string;
  benefitImpact: string;
  justification: string;
}> = [
  {
    title: 'Extend the pilot to {region}',
    description: 'Add the {region} offices to the pilot before the main rollout.',
    scopeChange: 'Adds {region} sites to the pilot scope.',
    benefitImpact: 'Earlier benefits in {region}; better feedback before rollout.',
    justification: 'Regional leadership asked to join the pilot.',
  },
  {
    title: 'Additional data migration cycle',
    description: 'One more migration trial before go-live.',
    scopeChange: 'Adds a third migration trial.',
    benefitImpact: 'Lower go-live risk; no change to benefits.',
    justification: 'The last trial did not reconcile.',
  },
  {
    title: 'Single sign-on for contractors',
    description: 'Extend single sign-on to contractor accounts.',
    scopeChange: 'Contractor identities added to scope.',
    benefitImpact: 'Removes manual account management for about 300 contractors.',
    justification: 'Audit finding on shared contractor accounts.',
  },
  {
    title: 'Upgrade licences for advanced security',
    description: 'Move the user base to the licence tier with advanced threat protection.',
    scopeChange: 'No functional scope change.',
    benefitImpact: 'Retires a separate security tool.',
    justification: 'Security review recommendation.',
  },
  {
    title: 'Add accessibility remediation',
    description: 'Remediate the {object} screens to WCAG 2.2 AA.',
    scopeChange: 'Adds accessibility fixes to the release.',
    benefitImpact: 'Meets the accessibility policy; wider audience.',
    justification: 'Legal requirement confirmed by Compliance.',
  },
  {
    title: 'Extra hypercare support',
    description: 'Extend hypercare from two to six weeks.',
    scopeChange: 'Longer hypercare period.',
    benefitImpact: 'Protects adoption in the first month.',
    justification: 'Lessons learned from the previous rollout.',
  },
  {
    title: 'Integrate with the new {object}',
    description: 'Add an interface to the {object} now being replaced elsewhere.',
    scopeChange: 'One new interface.',
    benefitImpact: 'Avoids double keying for the operations team.',
    justification: 'Dependency discovered during design.',
  },
];

export const APPROVE_COMMENTS = [
  'Approved: the benefit case stands.',
  'Approved. Please report the extra spend separately from the contingency.',
  'Approved, on the condition that the go-live date does not move again.',
  'Agreed. Thanks for the clear impact assessment.',
  'Approved.',
] as const;

export const REJECT_COMMENTS = [
  'Rejected: fund this from the existing contingency instead.',
  'Not now. Bring it back after the next planning cycle.',
  'Rejected: the benefits do not justify the delay.',
  'Please rework the estimate with the vendor and resubmit.',
] as const;
