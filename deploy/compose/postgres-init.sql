-- One database per service, as in production (there each has its own role; here one role, ikd).
create database registration;
create database verification;
create database activation;
create database token;
create database notification;
