/**
 * CSV invitations: a streaming reader for the files admins export from spreadsheets and HR systems, the
 * validation of every row, the mapping into onboarding commands, and the resumable import engine that runs them
 * through the onboarding service in chunks. Exports written here neutralise spreadsheet formulas.
 */
package dev.muster.csv;
