-- Keeper schema 2: runner state, whiteboard, tally, quadrant placements.

ALTER TABLE offsite ADD COLUMN mix_rule VARCHAR(16) NOT NULL DEFAULT '60/30/10';

ALTER TABLE agenda_item ADD COLUMN session_format VARCHAR(32);

CREATE TABLE placement (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	skill FLOAT NOT NULL, 
	motivation FLOAT NOT NULL, 
	note TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (offsite_id, person_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_placement_offsite_id ON placement (offsite_id);

CREATE TABLE quadrant_note (
	offsite_id INTEGER NOT NULL, 
	quadrant VARCHAR(32) NOT NULL, 
	note TEXT NOT NULL, 
	PRIMARY KEY (offsite_id, quadrant), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE TABLE tally_settings (
	offsite_id INTEGER NOT NULL, 
	mode VARCHAR(16) NOT NULL, 
	dots_per_person INTEGER NOT NULL, 
	cap_per_idea INTEGER, 
	keeper_counted BOOLEAN NOT NULL, 
	PRIMARY KEY (offsite_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE TABLE cluster (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	x FLOAT NOT NULL, 
	y FLOAT NOT NULL, 
	width FLOAT NOT NULL, 
	height FLOAT NOT NULL, 
	big_bet BOOLEAN NOT NULL, 
	initiative_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(initiative_id) REFERENCES initiative (id) ON DELETE SET NULL
);

CREATE INDEX ix_cluster_offsite_id ON cluster (offsite_id);

CREATE TABLE runner_state (
	offsite_id INTEGER NOT NULL, 
	item_id INTEGER, 
	state VARCHAR(16) NOT NULL, 
	deadline DATETIME, 
	remaining_s FLOAT, 
	message TEXT, 
	blackout BOOLEAN NOT NULL, 
	PRIMARY KEY (offsite_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id) ON DELETE SET NULL
);

CREATE TABLE note (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	author_id INTEGER, 
	text TEXT NOT NULL, 
	cluster_id INTEGER, 
	x FLOAT NOT NULL, 
	y FLOAT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(author_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(cluster_id) REFERENCES cluster (id) ON DELETE SET NULL
);

CREATE INDEX ix_note_cluster_id ON note (cluster_id);

CREATE INDEX ix_note_offsite_id ON note (offsite_id);

CREATE TABLE support (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	note_id INTEGER, 
	cluster_id INTEGER, 
	dots INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (person_id, note_id, cluster_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(note_id) REFERENCES note (id) ON DELETE CASCADE, 
	FOREIGN KEY(cluster_id) REFERENCES cluster (id) ON DELETE CASCADE
);

CREATE INDEX ix_support_offsite_id ON support (offsite_id);
