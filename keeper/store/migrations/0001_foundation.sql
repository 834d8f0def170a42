-- Keeper schema 1: offsite, people, attendance, agenda.

CREATE TABLE keeper_meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE person (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	manager_id INTEGER, 
	email VARCHAR(320), 
	colour VARCHAR(9), 
	active BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(manager_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_person_manager_id ON person (manager_id);

CREATE TABLE offsite (
	id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	date DATE, 
	venue VARCHAR(200), 
	day_start TIME NOT NULL, 
	keeper_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(keeper_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE TABLE agenda_item (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	day INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	planned_minutes INTEGER NOT NULL, 
	presenter_id INTEGER, 
	notes TEXT, 
	content_tag VARCHAR(16), 
	protected BOOLEAN NOT NULL, 
	warn_amber_s INTEGER NOT NULL, 
	warn_red_s INTEGER NOT NULL, 
	actual_start DATETIME, 
	actual_end DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(presenter_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_agenda_item_offsite_id ON agenda_item (offsite_id);

CREATE TABLE attendance (
	offsite_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	gratitude_note TEXT, 
	PRIMARY KEY (offsite_id, person_id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE initiative (
	id INTEGER NOT NULL, 
	offsite_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(offsite_id) REFERENCES offsite (id) ON DELETE CASCADE
);

CREATE INDEX ix_initiative_offsite_id ON initiative (offsite_id);
