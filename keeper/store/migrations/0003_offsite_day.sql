-- Keeper schema 3: OKR postmortem, north-star questions, best practices, reflections,
-- Start/Stop/Continue feedback, charter and operating plan.

CREATE TABLE charter (
	offsite_id INTEGER NOT NULL, 
	what_we_will_do TEXT, 
	what_went_wrong TEXT, 
	how_the_plan_fixes_it TEXT, 
	PRIMARY KEY (offsite_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE TABLE check_in (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	notes TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_check_in_offsite_id ON check_in (offsite_id);

CREATE TABLE feedback (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	giver_id INTEGER NOT NULL, 
	receiver_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (offsite_id, giver_id, receiver_id, kind), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(giver_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(receiver_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_feedback_offsite_id ON feedback (offsite_id);

CREATE TABLE question (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	answers TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_question_offsite_id ON question (offsite_id);

CREATE TABLE reflection (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_reflection_offsite_id ON reflection (offsite_id);

CREATE TABLE best_practice (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	presenter_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	strength TEXT, 
	agenda_item_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(presenter_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(agenda_item_id) REFERENCES agenda_item (id) ON DELETE SET NULL
);

CREATE INDEX ix_best_practice_offsite_id ON best_practice (offsite_id);

CREATE TABLE okr (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	position INTEGER NOT NULL, 
	objective TEXT NOT NULL, 
	target TEXT, 
	result TEXT, 
	hit BOOLEAN, 
	went_well TEXT, 
	went_badly TEXT, 
	on_the_floor TEXT, 
	agenda_item_id INTEGER, 
	carried_from_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(agenda_item_id) REFERENCES agenda_item (id) ON DELETE SET NULL, 
	FOREIGN KEY(carried_from_id) REFERENCES okr (id) ON DELETE SET NULL
);

CREATE INDEX ix_okr_offsite_id ON okr (offsite_id);

CREATE TABLE plan_initiative (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	cluster_id INTEGER, 
	position INTEGER NOT NULL, 
	title TEXT NOT NULL, 
	owner_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(cluster_id) REFERENCES cluster (id) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_plan_initiative_offsite_id ON plan_initiative (offsite_id);

CREATE TABLE tactic (
	id INTEGER NOT NULL, 
	plan_initiative_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(plan_initiative_id) REFERENCES plan_initiative (id) ON DELETE CASCADE
);

CREATE INDEX ix_tactic_plan_initiative_id ON tactic (plan_initiative_id);

CREATE TABLE tactic_update (
	id INTEGER NOT NULL, 
	check_in_id INTEGER NOT NULL, 
	tactic_id INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	note TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (check_in_id, tactic_id), 
	FOREIGN KEY(check_in_id) REFERENCES check_in (id) ON DELETE CASCADE, 
	FOREIGN KEY(tactic_id) REFERENCES tactic (id) ON DELETE CASCADE
);
