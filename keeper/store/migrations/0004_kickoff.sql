-- Keeper schema 4: sales kickoff: look-back, survey, reality audit, goal architecture,
-- recognition, success grid, 30/60/90-day check-ins, first-30-days plans.

ALTER TABLE check_in ADD COLUMN label VARCHAR(64);

CREATE TABLE attainment (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	attainment FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (offsite_id, person_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_attainment_offsite_id ON attainment (offsite_id);

CREATE TABLE competency (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_competency_offsite_id ON competency (offsite_id);

CREATE TABLE first30_plan (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	week1_focus TEXT, 
	weeks2_3 TEXT, 
	week4_review TEXT, 
	daily_habits TEXT, 
	partner_id INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (offsite_id, person_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(partner_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_first30_plan_offsite_id ON first30_plan (offsite_id);

CREATE TABLE goal (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	layer VARCHAR(16) NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	target TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_goal_offsite_id ON goal (offsite_id);

CREATE TABLE recognition_tier (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	threshold FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_recognition_tier_offsite_id ON recognition_tier (offsite_id);

CREATE TABLE rep_metric (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	value FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (offsite_id, person_id, name), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_rep_metric_offsite_id ON rep_metric (offsite_id);

CREATE TABLE sko_look_back (
	offsite_id INTEGER NOT NULL, 
	revenue_goal FLOAT, 
	revenue_actual FLOAT, 
	outside_factors TEXT, 
	PRIMARY KEY (offsite_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE TABLE sko_objective (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	hit BOOLEAN, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_sko_objective_offsite_id ON sko_objective (offsite_id);

CREATE TABLE success_metric (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	horizon VARCHAR(16) NOT NULL, 
	position INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	target FLOAT, 
	unit VARCHAR(32), 
	higher_is_better BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_success_metric_offsite_id ON success_metric (offsite_id);

CREATE TABLE survey_response (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	respondent VARCHAR(200), 
	went_well TEXT, 
	to_improve TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_survey_response_offsite_id ON survey_response (offsite_id);

CREATE TABLE competency_rating (
	id INTEGER NOT NULL, 
	competency_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	self_rating FLOAT, 
	manager_rating FLOAT, 
	PRIMARY KEY (id), 
	UNIQUE (person_id, competency_id), 
	FOREIGN KEY(competency_id) REFERENCES competency (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_competency_rating_competency_id ON competency_rating (competency_id);

CREATE TABLE goal_link (
	parent_id INTEGER NOT NULL, 
	child_id INTEGER NOT NULL, 
	PRIMARY KEY (parent_id, child_id), 
	FOREIGN KEY(parent_id) REFERENCES goal (id) ON DELETE CASCADE, 
	FOREIGN KEY(child_id) REFERENCES goal (id) ON DELETE CASCADE
);

CREATE TABLE metric_measure (
	id INTEGER NOT NULL, 
	metric_id INTEGER NOT NULL, 
	measured_on DATE NOT NULL, 
	value FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(metric_id) REFERENCES success_metric (id) ON DELETE CASCADE
);

CREATE INDEX ix_metric_measure_metric_id ON metric_measure (metric_id);

CREATE TABLE survey_rating (
	id INTEGER NOT NULL, 
	response_id INTEGER NOT NULL, 
	question VARCHAR(200) NOT NULL, 
	value FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (response_id, question), 
	FOREIGN KEY(response_id) REFERENCES survey_response (id) ON DELETE CASCADE
);

CREATE INDEX ix_survey_rating_response_id ON survey_rating (response_id);
